/** verify.txt: how to check a bundle with `sha256sum` and `openssl` alone, in Japanese then English. */
export function verifyText(input: {
  readonly caseNumber: string;
  readonly exportedAtJst: string;
  readonly fingerprint: string;
  readonly headSeq: number;
  readonly headHash: string;
  /** Each RFC 3161 token in the bundle: where it is and the chain entry hash it covers. */
  readonly timestamps: readonly { readonly path: string; readonly seq: number; readonly hash: string }[];
}): string {
  const commands = input.timestamps
    .map(
      (ts) =>
        `     # entry #${ts.seq}\n     openssl ts -verify -digest ${ts.hash} -token_in \\\n       -in ${ts.path} -CAfile ca.crt -untrusted tsa.crt\n`,
    )
    .join('\n');
  const timestampJa =
    input.timestamps.length > 0
      ? `
4. タイムスタンプ（RFC 3161）の確認
   timestamps/<記録番号>-<連番>.tsr は、チェーンの記録（番号）のハッシュに対するタイムスタンプトークンです
   （同じ記録に複数あれば連番 1, 2 … で区別します）。manifest.json の "timestamps" に、各トークンの
   path と、対象の記録のハッシュ hash（16進）があります。タイムスタンプ局（TSA）の証明書 tsa.crt と
   CA 証明書 ca.crt を TSA から入手してこのフォルダに置き、トークンごとに:

${commands}
   「Verification: OK」と表示されれば、その時刻にこのチェーンが（その記録まで）存在したことが証明されます。
`
      : '';
  const timestampEn =
    input.timestamps.length > 0
      ? `
4. Check the timestamps (RFC 3161)
   timestamps/<seq>-<n>.tsr is a timestamp token over the hash of chain entry <seq> (n = 1, 2 … when an
   entry has several); manifest.json lists each token's path and the entry hash (hex) under "timestamps".
   Put the TSA's certificate tsa.crt and its CA certificate ca.crt (from the TSA) in this folder, then
   for each token:

${commands}
   "Verification: OK" proves the chain existed, up to that entry, at the token's time.
`
      : '';
  return `証拠一式の検証方法 / How to verify this evidence bundle
======================================================================

事件番号 Case: ${input.caseNumber}
書き出し日時 Exported: ${input.exportedAtJst}
署名鍵の指紋 Key fingerprint (SHA-256 of the raw Ed25519 public key):
  ${input.fingerprint}
チェーン先頭 Chain head: #${input.headSeq} ${input.headHash}

---------------------------------------------------------------- 日本語

この ZIP は、mimamoru の証拠保管庫から書き出した証拠一式です。特別なソフトは不要で、
sha256sum と openssl（Linux・macOS に標準、Windows では Git Bash や WSL）だけで確かめられます。

1. ファイルが書き換えられていないことの確認
   ZIP を展開したフォルダで:

     sha256sum -c SHA256SUMS

   すべての行が「OK」なら、どのファイルも書き出し時のままです。1行でも「FAILED」や
   「No such file」があれば、そのファイルは変更・削除されています。
   （macOS では shasum -a 256 -c SHA256SUMS）

2. 署名の確認（チェーン先頭が mimamoru の鍵で署名されていること）

     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
       -in head-message.txt -sigfile head-signature.bin

   「Signature Verified Successfully」と表示されれば、head-message.txt（事件ID・記録番号・
   チェーン先頭ハッシュ）は、この公開鍵の持ち主が署名したものです。
   head-message.txt の最後の行が、上のチェーン先頭ハッシュと manifest.json の head.hash に
   一致することも確かめてください。

3. 鍵の確認
   次のコマンドで公開鍵の指紋を計算し、上の指紋、および mimamoru の運営者が公開している
   指紋と一致することを確かめてください（一致しなければ、別の鍵で作られた一式です）。

     openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum
${timestampJa}
manifest.json には、すべての証拠、すべてのファイルの SHA-256 とサイズ、追記専用のハッシュチェーン
全体（各記録が直前の記録のハッシュを含む）、署名、公開鍵、タイムスタンプが入っています。
チェーンの一つひとつの記録まで検証するには:

     npx mimamoru verify bundle.zip

または mimamoru のウェブサイトの「証拠の検証」ページ（ファイルはアップロードされず、
ブラウザの中だけで検証します）を使ってください。

---------------------------------------------------------------- English

This ZIP is an evidence bundle exported from mimamoru's evidence locker. You need no special
software: sha256sum and openssl (standard on Linux and macOS; Git Bash or WSL on Windows) suffice.

1. Check that no file was changed
   In the folder where you unzipped the bundle:

     sha256sum -c SHA256SUMS

   Every line must say "OK". Any "FAILED" or "No such file" means that file was changed or removed.
   (On macOS: shasum -a 256 -c SHA256SUMS)

2. Check the signature (the chain head is signed with mimamoru's key)

     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
       -in head-message.txt -sigfile head-signature.bin

   "Signature Verified Successfully" means head-message.txt (case id, entry number and chain head
   hash) was signed by the holder of this public key. Check that its last line equals the chain
   head hash above and head.hash in manifest.json.

3. Check the key
   Compute the public key's fingerprint and compare it with the one above and with the fingerprint
   the mimamoru operator publishes (if it differs, the bundle was made with another key):

     openssl pkey -pubin -in public-key.pem -outform DER | tail -c 32 | sha256sum
${timestampEn}
manifest.json holds every item, every file's SHA-256 and size, the whole append-only hash chain (each
entry holds the hash of the one before), the signature, the public key and any timestamps. To check
every entry of the chain as well:

     npx mimamoru verify bundle.zip

or use the "Verify evidence" page of the mimamoru web app (the file is not uploaded; it is checked
inside your browser).
`;
}
