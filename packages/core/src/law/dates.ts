// @TODO(#2) helper B implements: date arithmetic (期間計算) with Japanese holidays.
export {};
