import type { Kysely } from 'kysely';

interface SeedTemplate {
  readonly id: string;
  readonly locale: 'ja' | 'en';
  readonly title: string;
  readonly body: string;
}

/**
 * The reply templates mimamoru ships with (#4), in Japanese and English. Legal statements name their
 * source (e-Gov law text or the official page); admins edit or archive them in /console/templates.
 */
const SEED_TEMPLATES: readonly SeedTemplate[] = [
  {
    id: '8ec56dc6-11dd-4ffd-a893-ff0353016947',
    locale: 'ja',
    title: '受付のご連絡（初回）',
    body: `ご相談ありがとうございます。みまもる相談員の{{consultantName}}です。
相談番号 {{caseNumber}} のご相談を受け付け、お送りいただいた内容を読みました。

これから、状況の整理と、次にできることを一緒に考えていきます。
つらいことを書いてくださり、ありがとうございました。

いま身の危険を感じている場合（命をおびやかす書き込みがある、相手が近くに来ているなど）は、このやり取りを待たずに110番に電話してください。

お返事は、このページのメッセージ欄からいつでもお送りください。わからないことや不安なことがあれば、どんなことでも書いてください。`,
  },
  {
    id: '51c62751-740f-49b7-b4e9-9f326000284b',
    locale: 'en',
    title: 'Acknowledgement (first reply)',
    body: `Thank you for contacting mimamoru. My name is {{consultantName}}, and I am the consultant for your case.
We have received your consultation {{caseNumber}} and read what you sent us.

From here, we will sort out the situation with you and look at what you can do next.
Thank you for writing to us about something so painful.

If you feel in danger right now (for example, a post threatens your life, or the person is coming near you), call the police on 110 without waiting for this conversation.

You can reply at any time in the message box on this page. If anything is unclear or worrying, please write to us about it.`,
  },
  {
    id: 'e573374a-22cf-402b-b547-94153bc72096',
    locale: 'ja',
    title: '書き込みの保存（スクリーンショット）のお願い',
    body: `相談番号 {{caseNumber}} について、書き込みの記録を残していただくお願いです。
書き込みは、相手が消したり、サービス側で見られなくなったりすることがあります。削除の依頼や、相手を特定する手続の前に、いまの状態を保存しておいてください。

スクリーンショットを撮るときは、1枚の画面に次のものが写るようにしてください。
1. 書き込みのURL（アドレス欄の全体。途中で切れないように）
2. 書き込まれた日時
3. 投稿したアカウントの名前と、@ から始まるID
4. 保存した日時（パソコンやスマートフォンの時計が写っていると確かです）

あわせて、次のこともお願いします。
・画像の一部を切り取らず、画面全体を保存してください。
・前後のやり取り（返信やスレッド）と、投稿したアカウントのプロフィールページも保存してください。
・保存したファイルは編集せず、元のまま残してください。

保存したファイルは、このページから送っていただけます。相手に連絡するのは、保存が終わるまで控えてください。`,
  },
  {
    id: '2ad9a67e-c9a7-4dad-8c8f-7fd605b05551',
    locale: 'en',
    title: 'Please save the posts (screenshots)',
    body: `About your consultation {{caseNumber}}: please keep a record of the posts.
Posts can disappear: the person may delete them, or the service may hide them. Before asking for removal or trying to identify the person, please save them as they are now.

When you take a screenshot, make sure one screen shows:
1. the post's URL (the whole address bar, not cut off);
2. the date and time of the post;
3. the account's name and its ID starting with @;
4. the date and time you saved it (your computer's or phone's clock on screen is the surest way).

Please also:
- save the whole screen; do not crop the image;
- save the posts before and after (replies, the thread) and the account's profile page;
- keep the files as they are, without editing them.

You can send the files to us from this page. Please do not contact the person until you have saved everything.`,
  },
  {
    id: 'c0e22720-758c-482d-b678-9713216f26bf',
    locale: 'ja',
    title: '削除の依頼について',
    body: `相談番号 {{caseNumber}} の書き込みの削除について、ご説明します。

削除を求める方法は、主に次の3つです。
1. サービスの窓口から削除を依頼する
   X、Instagram、Facebook、YouTube、TikTok など、総務大臣が指定した大規模なサービスは、削除の申出を受け付ける窓口を設け、削除したかどうか（しない場合はその理由）を申出をした人に通知することが法律で定められています（情報流通プラットフォーム対処法20条・22条・25条 https://laws.e-gov.go.jp/law/413AC0000000137 、指定されたサービス: 総務省 https://www.soumu.go.jp/menu_news/s-news/01ryutsu02_02000435.html ）。
2. 法務局に相談する
   みんなの人権110番（0570-003-110）では、削除依頼の書き方の助言を受けられます。ご自身で依頼しても削除されないときは、法務局が書き込みの違法性を判断し、サービスに削除を求めることがあります（法務省 https://www.moj.go.jp/JINKEN/jinken20.html ）。
3. 裁判所の手続（仮処分）で削除を求める
   弁護士に依頼して進めるのが一般的です。

依頼をしても、削除するかどうかはサービス側が判断します。削除されなかった場合も、2や3の方法があります。
どの方法から進めるか、書き込みの内容や場所に合わせて一緒に考えます。依頼文の書き方もお手伝いします。

削除を依頼する前に、書き込みの保存（スクリーンショット）を済ませておいてください。削除された後では、相手を特定する手続などで、書き込みの内容を示せなくなることがあります。`,
  },
  {
    id: '276fb02f-7781-48cf-a7ec-e85a2a1ccd29',
    locale: 'en',
    title: 'About asking for removal',
    body: `About removing the posts in your consultation {{caseNumber}}:

There are three main ways to ask for removal.
1. Ask the service through its reporting or removal window.
   Large services designated by the Minister of Internal Affairs and Communications (X, Instagram, Facebook, YouTube, TikTok and others) must run a window that accepts removal requests and must tell the person who asked whether they removed the post, and if not, why (Information Distribution Platform Act, Articles 20, 22 and 25: https://laws.e-gov.go.jp/law/413AC0000000137 ; designated services: Ministry of Internal Affairs and Communications, https://www.soumu.go.jp/menu_news/s-news/01ryutsu02_02000435.html ).
2. Consult the Legal Affairs Bureau.
   The Human Rights Hotline (0570-003-110, in Japanese) advises on how to write a removal request. If the post is not removed when you ask yourself, the Bureau may judge whether it is unlawful and ask the service to remove it (Ministry of Justice: https://www.moj.go.jp/JINKEN/jinken20.html ).
3. Ask a court for an order (provisional disposition).
   This is usually done through a lawyer.

Even when asked, the service decides whether to remove a post. If it does not, ways 2 and 3 remain.
We will decide together which way to start with, depending on what was posted and where. We can also help you write the request.

Before asking for removal, please finish saving the posts (screenshots). Once a post is gone, it may be hard to show what it said, for example when trying to identify the person.`,
  },
  {
    id: '412923ec-c68f-4514-bb97-82905b2679a6',
    locale: 'ja',
    title: '弁護士へのご紹介について',
    body: `相談番号 {{caseNumber}} について、弁護士への相談をおすすめしたく、ご連絡しました。

書き込みをした人を特定する手続（発信者情報開示命令など）、損害賠償の請求、裁判所での削除の手続は、弁護士に依頼して進めるのが一般的です。相手を特定する手続は、サービスや通信会社に記録が残っているうちに進める必要があるため、早めの相談をおすすめします。

みまもるでは、SNSの書き込みの問題を扱っている提携弁護士をご紹介できます。ご紹介するときは、弁護士に伝える内容を必要な範囲にしぼり、事前にお知らせします。

費用が心配な場合は、法テラス（日本司法支援センター）の無料法律相談を利用できることがあります。収入と資産が一定の基準以下であることが条件です（法テラス https://www.houterasu.or.jp/site/soudan-tatekae/soudanqa.html ）。

ご紹介を希望されるかどうか、このページのメッセージ欄でお知らせください。希望の地域や、連絡を受けやすい時間帯もあわせて書いていただけると助かります。`,
  },
  {
    id: 'a7e0a3df-1fcd-48bd-9659-abca5d075dce',
    locale: 'en',
    title: 'About being referred to a lawyer',
    body: `About your consultation {{caseNumber}}: we would like to suggest that you talk to a lawyer.

Identifying the person who posted (for example through a court order for disclosure of sender information), claiming damages, and asking a court to order removal are usually done through a lawyer. Identification is only possible while the service and the telecom companies still keep their records, so we suggest talking to a lawyer soon.

mimamoru can refer you to a partner lawyer who handles problems with social media posts. If we refer you, we will pass on only what the lawyer needs, and tell you beforehand what that is.

If you are worried about the cost, you may be able to use the free legal consultation of Houterasu (Japan Legal Support Center). It is available when your income and assets are below certain limits (Houterasu: https://www.houterasu.or.jp/site/soudan-tatekae/soudanqa.html ).

Please tell us in the message box on this page whether you would like a referral. It helps if you also tell us the area you prefer and the times when it is easy for you to be contacted.`,
  },
];

/**
 * Staff console settings and per-post tracking (#4): reply templates (seeded in ja and en), saved
 * queue views, and the offending posts of each case with their takedown and disclosure tracks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('reply_templates_locale_idx')
    .on('reply_templates')
    .columns(['locale', 'archived_at'])
    .execute();

  const now = new Date().toISOString();
  const seeded = db as unknown as Kysely<{
    reply_templates: {
      id: string;
      title: string;
      locale: string;
      body: string;
      created_by: string | null;
      created_at: string;
      updated_at: string;
      version: number;
      archived_at: string | null;
    };
  }>;
  await seeded
    .insertInto('reply_templates')
    .values(
      SEED_TEMPLATES.map((t) => ({
        id: t.id,
        title: t.title,
        locale: t.locale,
        body: t.body,
        created_by: null,
        created_at: now,
        updated_at: now,
        version: 1,
        archived_at: null,
      })),
    )
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('owner_id', 'text', (col) => col.notNull().references('staff_accounts.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('query', 'text', (col) => col.notNull())
    .addColumn('shared', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('saved_views_owner_idx').on('saved_views').column('owner_id').execute();
  await db.schema.createIndex('saved_views_shared_idx').on('saved_views').column('shared').execute();

  await db.schema
    .createTable('case_post_targets')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('cases.id'))
    .addColumn('url_sealed', 'text')
    .addColumn('url_hash', 'text')
    .addColumn('platform', 'text', (col) => col.notNull())
    .addColumn('takedown_state', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('disclosure_state', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('added_by', 'text', (col) => col.references('staff_accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  // One row per post and case; erased rows (url_hash null) never collide.
  await db.schema
    .createIndex('case_post_targets_url_idx')
    .on('case_post_targets')
    .columns(['case_id', 'url_hash'])
    .unique()
    .execute();
  await db.schema
    .createIndex('case_post_targets_case_idx')
    .on('case_post_targets')
    .columns(['case_id', 'created_at'])
    .execute();
}

/** Development only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['case_post_targets', 'saved_views', 'reply_templates']) {
    await db.schema.dropTable(table).execute();
  }
}
