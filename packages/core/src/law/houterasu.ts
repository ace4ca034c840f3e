// @TODO(#2) helper B implements: 法テラス 資力基準.
export {};
