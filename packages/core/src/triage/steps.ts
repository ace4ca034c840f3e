import type { Locale, Localized } from '../i18n/locale.js';
import type { WindowId } from '../windows/window.js';
import type { Platform, TriageAnswers } from './answers.js';
import type { Category, Deadline, EmergencyContact, Step, WindowMatch } from './result.js';

/**
 * Platforms run by 大規模特定電気通信役務提供者 designated under 情プラ法20条1項 (2025-04-30 and
 * 2025-05-30; DOMAIN.md §3.2, re-check soumu.go.jp). They must decide on a deletion request and tell
 * the requester within the 総務省令 period, which secondary sources give as 7 days (法25条).
 * LINE: only オープンチャット and LINE VOOM are designated, not 1:1 chats.
 */
export const DESIGNATED_PLATFORMS: ReadonlySet<Platform> = new Set([
  'x',
  'instagram',
  'facebook',
  'threads',
  'youtube',
  'tiktok',
  'line',
  'yahoo-chiebukuro',
  'ameba',
]);

const PLATFORM_ROUTES: Readonly<Record<Platform, Localized>> = {
  x: {
    ja: 'X：日本向けの情プラ法フォーム（https://help.x.com/ja/forms/japan-report）から申し出ると、7日以内に判断の連絡が来るはずです。アプリ内の「ポストを報告」もあります。',
    en: 'X: use the Japan form under the Information Distribution Platform Act (https://help.x.com/ja/forms/japan-report); a decision should be emailed within 7 days. The in-app "Report post" also exists.',
  },
  instagram: {
    ja: 'Instagram：アプリ内の「報告」と、Metaのヘルプセンターの法的な申し立てフォーム（情プラ法の指定事業者で、7日以内に回答が必要）。',
    en: 'Instagram: in-app "Report", and Meta’s legal request forms in its help centre (a designated provider that must answer within 7 days).',
  },
  facebook: {
    ja: 'Facebook：アプリ内の「報告」と、Metaのヘルプセンターの法的な申し立てフォーム（情プラ法の指定事業者で、7日以内に回答が必要）。',
    en: 'Facebook: in-app "Report", and Meta’s legal request forms in its help centre (a designated provider that must answer within 7 days).',
  },
  threads: {
    ja: 'Threads：アプリ内の「報告」と、Metaのヘルプセンターの法的な申し立てフォーム（情プラ法の指定事業者で、7日以内に回答が必要）。',
    en: 'Threads: in-app "Report", and Meta’s legal request forms in its help centre (a designated provider that must answer within 7 days).',
  },
  youtube: {
    ja: 'YouTube：プライバシー侵害は「プライバシーの申し立て」、その他は法的な削除フォーム（https://support.google.com/youtube/answer/9996224）。本人か代理人のみ申し立てできます。情プラ法の指定サービスです。',
    en: 'YouTube: the privacy complaint process for privacy, the legal removal form for other issues (https://support.google.com/youtube/answer/9996224). Only you or your legal representative may file. It is a designated service.',
  },
  tiktok: {
    ja: 'TikTok：アプリ内の「報告する」と、TikTok Pte. Ltd.の法的な申し立てフォーム（情プラ法の指定事業者）。日本法人は法的削除の窓口ではありません。',
    en: 'TikTok: in-app "Report", and TikTok Pte. Ltd.’s legal request form (a designated provider). The Japanese subsidiary is not the window for legal removal.',
  },
  line: {
    ja: 'LINE：アプリ内の「通報」とヘルプセンターの「権利侵害の申告」。オープンチャットとLINE VOOMは情プラ法の指定サービスですが、1対1のトークは対象外です。殺害予告やつきまといは警察へ。',
    en: 'LINE: in-app "Report" and the help centre’s rights-infringement section. OpenChat and LINE VOOM are designated services; one-to-one chats are not. Take death threats or stalking to the police.',
  },
  '5ch': {
    ja: '5ちゃんねる：情プラ法の指定はありません。meiyokison@5ch.net 宛てに件名「削除申し立て」で、スレッドのURL・レス番号・理由・本人確認書類を送ります。削除要請板は依頼内容が公開されるので注意してください。',
    en: '5channel: not designated. Email meiyokison@5ch.net with the subject 「削除申し立て」, the thread URL, post numbers, reasons and ID documents. The public deletion boards make your request public.',
  },
  'google-maps': {
    ja: 'Googleマップ：情プラ法の指定はありません（GoogleはYouTubeのみ指定）。クチコミの「レビューを報告」か、Googleの「法的な削除リクエスト」から申し立てます。',
    en: 'Google Maps: not designated (Google is designated for YouTube only). Use "Report review" or Google’s legal removal request form.',
  },
  note: {
    ja: 'note：情プラ法の指定はありません。クリエイターページの「•••」→「報告する」から通報します（アカウントが必要）。任意の依頼では対応されにくく、弁護士は裁判手続を使うことが多いです。',
    en: 'note: not designated. Report from the creator page ("•••" → "Report"; an account is needed). Informal requests rarely succeed; lawyers usually go to court.',
  },
  'yahoo-chiebukuro': {
    ja: 'Yahoo!知恵袋：質問・回答の「違反報告」から。LINEヤフーは情プラ法の指定事業者で、7日以内に回答が必要です。',
    en: 'Yahoo! Chiebukuro: use "Report" on the question or answer. LINEヤフー is a designated provider that must answer within 7 days.',
  },
  ameba: {
    ja: 'Amebaブログ：情プラ法の指定サービス（2025年5月30日指定）で、日本語のオンライン窓口と7日以内の回答が義務です。',
    en: 'Ameba Blog: a designated service (since 30 May 2025) that must run a Japanese online request route and answer within 7 days.',
  },
  blog: {
    ja: 'ブログ：運営会社の削除依頼窓口か、テレサ書式の「侵害情報の通知書 兼 送信防止措置依頼書」を送ります。運営者が分からないときはサーバー会社（ホスティング事業者）に送れます。',
    en: 'Blog: use the operator’s deletion route, or send the standard 「侵害情報の通知書 兼 送信防止措置依頼書」 form. If the operator is unknown, send it to the hosting provider.',
  },
  other: {
    ja: 'その他のサイト：サイトの削除依頼フォームか、テレサ書式の送信防止措置依頼書を運営者（分からなければサーバー会社）に送ります。',
    en: 'Other sites: use the site’s deletion form, or send the standard deletion-request form to the operator (or its hosting provider).',
  },
};

const t = (text: Localized, locale: Locale): string => text[locale];

interface StepContext {
  readonly answers: TriageAnswers;
  readonly categories: ReadonlySet<Category>;
  readonly windows: readonly WindowMatch[];
  readonly emergency: readonly EmergencyContact[];
  readonly deadlines: readonly Deadline[];
  readonly lawyerRecommended: boolean;
  readonly houterasuEligible: boolean | null;
  readonly locale: Locale;
}

/** The ordered action plan. */
export function buildSteps(ctx: StepContext): Step[] {
  const { answers, categories, locale } = ctx;
  const goals = new Set(answers.goals);
  const steps: Step[] = [];
  const deadline = (id: Deadline['id']): Deadline | undefined => ctx.deadlines.find((d) => d.id === id);
  const immediateDanger =
    answers.facts.includes('threat-life') || answers.wellbeing?.selfHarmThoughts === true;
  const offenderKnown = answers.offender?.known === true;

  // Immediate danger to life comes before anything else, including evidence.
  if (immediateDanger) {
    const ids = ctx.emergency
      .map((e) => e.windowId)
      .filter(
        (id) => id === 'police-110' || id === 'inochi-denwa' || id === 'yorisoi' || id === 'kokoro-dial',
      );
    steps.push({
      id: 'safety-first',
      title: t({ ja: 'まず、あなたの安全を', en: 'First, your safety' }, locale),
      detail: t(
        answers.facts.includes('threat-life')
          ? {
              ja: '命や身体への危害を予告されているなら、すぐに110番してください。投稿の画面を見せられるように、スマートフォンを手元に置いておきましょう。',
              en: 'If someone has threatened your life or safety, call 110 now. Keep your phone with you so you can show the post.',
            }
          : {
              ja: 'いま、とてもつらい気持ちを抱えているかもしれません。手続よりも、まずあなた自身が大切です。話を聞いてくれる窓口に連絡してみてください。',
              en: 'You may be carrying a lot right now. You matter more than any procedure. Please reach out to a line that will listen.',
            },
        locale,
      ),
      windowIds: ids,
      ...(ids[0] ? { link: `/windows/${ids[0]}` } : {}),
      urgent: true,
    });
  }

  steps.push({
    id: 'preserve-evidence',
    title: t({ ja: '消される前に証拠を残す', en: 'Preserve evidence before it is deleted' }, locale),
    detail: t(
      {
        ja: '投稿者に気づかれると投稿が消されることがあります。相手に連絡したり削除を頼んだりする前に、画面全体のスクリーンショットを撮ってください。必ず①投稿のURL（個別の投稿のURL）②投稿日時と撮影日時 ③アカウント名と@ID が写るようにし、切り取りはしないでください。プロフィール画面、前後の投稿や返信、画像・動画も保存し、PDF保存や画面録画もしておくと安心です。あなたのことだと分かる事情（実名との結びつき、あなたを名指しする返信など）の証拠も残しましょう。',
        en: 'Posts may disappear once the poster notices. Before contacting anyone or asking for deletion, take full-screen screenshots showing (1) the URL of the individual post, (2) the post time and the capture time, and (3) the account name and @ID. Do not crop. Also save the profile page, surrounding posts and replies, and any images or video; a PDF or a screen recording helps too. Keep evidence that the post is about you (links to your real name, replies naming you).',
      },
      locale,
    ),
    windowIds: ['mimamoru'],
    link: '/windows/mimamoru',
    duration: t({ ja: '今日中に（30分〜1時間）', en: 'Today (30–60 minutes)' }, locale),
    cost: t({ ja: '無料', en: 'Free' }, locale),
    urgent: true,
  });

  if (categories.has('threat') || categories.has('stalking') || categories.has('sexual-image')) {
    const police: WindowId[] =
      categories.has('threat') && answers.facts.includes('threat-life')
        ? ['police-110', 'police-cyber']
        : ['police-9110', 'police-cyber'];
    if (categories.has('stalking')) police.push('houterasu-dv');
    steps.push({
      id: 'police',
      title: t({ ja: '警察に相談する', en: 'Talk to the police' }, locale),
      detail: t(
        {
          ja:
            '脅迫・ストーカー行為・性的画像の公開は、告訴がなくても警察が動ける犯罪を含みます。オンラインのサイバー窓口は相談・通報用で被害届にはなりません。被害届や告訴は、印刷した証拠を持って警察署へ行きます。' +
            (categories.has('stalking')
              ? 'ストーカー規制法に基づく警告・禁止命令を求めることもでき、法テラスでは収入にかかわらず弁護士に相談できます。'
              : ''),
          en:
            'Threats, stalking and publishing sexual images include crimes police can act on without a formal complaint. The online cyber window takes reports but is not a formal crime report (被害届); for that, or a complaint, go to a police station with printed evidence.' +
            (categories.has('stalking')
              ? ' You can ask for a warning or prohibition order under the Anti-Stalking Act, and 法テラス offers a lawyer consultation regardless of income.'
              : ''),
        },
        locale,
      ),
      windowIds: police,
      link: 'https://www.npa.go.jp/bureau/cyber/soudan.html',
      cost: t({ ja: '無料', en: 'Free' }, locale),
      urgent: true,
    });
  }

  const platforms = answers.platforms.length > 0 ? answers.platforms : (['other'] as const);
  const designated = platforms.filter((p) => DESIGNATED_PLATFORMS.has(p));
  steps.push({
    id: 'report-to-platform',
    title: t({ ja: 'サイトに削除を求める', en: 'Ask the site to remove the posts' }, locale),
    detail: [
      t(
        {
          ja: '証拠を保存してから、サイトの窓口に削除を申し出ます。',
          en: 'Once the evidence is saved, ask the site to remove the posts.',
        },
        locale,
      ),
      ...platforms.map((p) => t(PLATFORM_ROUTES[p], locale)),
      designated.length > 0
        ? t(
            {
              ja: '情報流通プラットフォーム対処法の指定事業者は、申し出から7日程度で削除するかどうかを知らせる義務があります（「検討中」の連絡が来ることもあります）。',
              en: 'Providers designated under the Information Distribution Platform Act must tell you within about 7 days whether they removed the post (they may instead say they are still reviewing it).',
            },
            locale,
          )
        : '',
      t(
        {
          ja: '自分で依頼しにくいときは、法務局が削除を要請してくれることがあります。削除されると投稿者の特定が難しくなる場合があるので、特定を望むなら先に弁護士に相談してください。',
          en: 'If this is hard to do yourself, the Legal Affairs Bureau may ask the site for you. Deletion can make identifying the poster harder, so if you want them identified, talk to a lawyer first.',
        },
        locale,
      ),
    ]
      .filter((s) => s !== '')
      .join(' '),
    windowIds: goals.has('delete') ? (['jinken-internet', 'jinken-110', 'ihaho'] as WindowId[]) : [],
    ...(platforms.includes('x') ? { link: 'https://help.x.com/ja/forms/japan-report' } : {}),
    duration: t(
      designated.length > 0
        ? { ja: '回答まで7日程度', en: 'About 7 days for an answer' }
        : {
            ja: 'サイトにより数日〜数週間（対応されないこともあります）',
            en: 'Days to weeks depending on the site (some do not act)',
          },
      locale,
    ),
    cost: t({ ja: '無料', en: 'Free' }, locale),
    urgent: false,
  });

  const helpWindows = ctx.windows
    .map((w) => w.id)
    .filter((id) => id !== 'mimamoru' && !ctx.emergency.some((e) => e.windowId === id))
    .slice(0, 3);
  if (helpWindows.length > 0) {
    steps.push({
      id: 'consult-window',
      title: t({ ja: '相談窓口に連絡する', en: 'Contact a consultation window' }, locale),
      detail: t(
        {
          ja: 'あなたの状況に合いそうな窓口です。できること（助言・削除要請・代理など）は窓口ごとに違うので、詳しくは各窓口のページを見てください。',
          en: 'These windows fit your situation. What each can do (advice, asking for deletion, representing you) differs, so check each window’s page.',
        },
        locale,
      ),
      windowIds: helpWindows,
      link: `/windows/${helpWindows[0]}`,
      urgent: false,
    });
  }

  const identifyUrgent =
    goals.has('identify') || (!offenderKnown && (goals.has('compensation') || goals.has('punish')));
  if (ctx.lawyerRecommended) {
    const lawyerWindows: WindowId[] = [];
    if (ctx.houterasuEligible !== false) lawyerWindows.push('houterasu');
    if (categories.has('stalking')) lawyerWindows.push('houterasu-dv');
    lawyerWindows.push('bengoshikai', 'law-firm-free-consultation');
    const mobile = deadline('log-retention-mobile');
    steps.push({
      id: 'see-lawyer',
      title: t(
        identifyUrgent
          ? { ja: '数日以内に弁護士に相談する', en: 'See a lawyer within days' }
          : { ja: '弁護士に相談する', en: 'See a lawyer' },
        locale,
      ),
      detail:
        t(
          identifyUrgent
            ? {
                ja: '投稿者を特定するには、携帯会社の通信記録が消える前（投稿から約3か月）に手続を進める必要があり、手続には数週間かかります。',
                en: 'To identify the poster, the process must move before mobile carriers delete their logs (about 3 months after the post), and it takes weeks.',
              }
            : {
                ja: 'あなたの状況でどの手続が使えるか、見通しと費用を弁護士に確認しましょう。',
                en: 'Ask a lawyer which procedures fit your case, with the outlook and costs.',
              },
          locale,
        ) +
        (mobile
          ? t(
              {
                ja: ` 携帯回線の記録の目安は${mobile.date}までです。`,
                en: ` The mobile-log estimate runs to ${mobile.date}.`,
              },
              locale,
            )
          : '') +
        t(
          {
            ja: ' 収入と資産が基準以下なら法テラスで無料相談（30分・3回まで）、弁護士会の相談センターは30分5,500円程度です。',
            en: ' If your income and assets are under the limits, 法テラス consultations are free (30 minutes, up to 3 times); bar association centres charge about 5,500 yen for 30 minutes.',
          },
          locale,
        ),
      windowIds: lawyerWindows,
      link: `/windows/${lawyerWindows[0] ?? 'bengoshikai'}`,
      duration: t({ ja: '1回30分程度', en: 'About 30 minutes per consultation' }, locale),
      cost: t(
        {
          ja: '法テラス：基準内なら無料／弁護士会：30分5,500円程度',
          en: '法テラス: free if eligible; bar association: about 5,500 yen / 30 min',
        },
        locale,
      ),
      urgent: identifyUrgent,
    });
  }

  if (goals.has('identify')) {
    steps.push({
      id: 'disclosure-order',
      title: t(
        { ja: '投稿者を特定する（発信者情報開示命令）', en: 'Identify the poster (disclosure order)' },
        locale,
      ),
      detail: t(
        {
          ja: '裁判所の発信者情報開示命令の手続で、まずサイトからIPアドレス等を、次に通信会社から契約者の氏名・住所の開示を受けます。サイトに通信会社の名前を出させる提供命令を同時に申し立て、記録が消えないよう通信会社に保存を求めます。決定に不服がある側は1か月以内に異議の訴えができます。弁護士に依頼するのが一般的です。',
          en: 'Through a court disclosure order, first the site discloses the IP address and related data, then the access provider discloses the subscriber’s name and address. A provision order filed at the same time makes the site name the access provider, and the provider is asked to keep its logs. Either side may object in court within 1 month of the decision. This is usually done through a lawyer.',
        },
        locale,
      ),
      windowIds: ['bengoshikai', 'law-firm-free-consultation'],
      link: 'https://www.courts.go.jp/tokyo/saiban/minzi_section09/hassinnsya_kaiji/index.html',
      duration: t({ ja: '全体で2〜8か月程度', en: 'About 2–8 months in total' }, locale),
      cost: t(
        {
          ja: '裁判所の手数料（印紙）は1申立てにつき1,000円と郵券数千円。弁護士費用は特定まで総額50〜100万円程度が目安です。',
          en: 'Court fee 1,000 yen per application plus a few thousand yen of postage; lawyers’ fees to identify the poster are often 500,000–1,000,000 yen in total.',
        },
        locale,
      ),
      urgent: true,
    });
  }

  if (goals.has('compensation')) {
    const civil = deadline('civil-limitation');
    steps.push({
      id: 'claim-damages',
      title: t({ ja: '損害賠償（慰謝料）を請求する', en: 'Claim damages' }, locale),
      detail:
        t(
          {
            ja: '投稿者が分かれば、示談交渉や訴訟で慰謝料を請求できます。金額は事案しだいで約束はできませんが、個人への名誉毀損は10〜50万円程度が多く、高い例で100〜200万円程度、侮辱は数万〜数十万円程度とされます。特定にかかった調査費用の一部が認められることもあります。',
            en: 'Once the poster is known, you can claim damages through negotiation or a lawsuit. Amounts depend on the case and nothing can be promised: defamation of an individual is often 100,000–500,000 yen, up to about 1–2 million yen at the high end, and insults several tens of thousands to a few hundred thousand yen. Part of the cost of identifying the poster is sometimes awarded.',
          },
          locale,
        ) +
        (civil
          ? t(
              { ja: ` 請求権の時効は${civil.date}です。`, en: ` The claim expires on ${civil.date}.` },
              locale,
            )
          : ''),
      windowIds: ['bengoshikai', 'law-firm-free-consultation'],
      link: '/windows/bengoshikai',
      duration: t(
        {
          ja: '交渉で数か月、訴訟なら半年〜1年以上',
          en: 'Months by negotiation; 6 months to over a year in court',
        },
        locale,
      ),
      cost: t(
        {
          ja: '慰謝料の目安：10〜50万円程度（高い例で100〜200万円程度）',
          en: 'Typical awards: 100,000–500,000 yen (about 1–2 million yen at the high end)',
        },
        locale,
      ),
      urgent: false,
    });
  }

  if (goals.has('punish')) {
    const complaint = deadline('criminal-complaint');
    const needsComplaint =
      categories.has('defamation') || categories.has('insult') || categories.has('sexual-image');
    steps.push({
      id: 'criminal-complaint',
      title: t({ ja: '告訴・被害届を出す', en: 'File a criminal complaint or report' }, locale),
      detail:
        t(
          needsComplaint
            ? {
                ja: '名誉毀損・侮辱・リベンジポルノの公表は、あなたの告訴がないと起訴されない親告罪で、告訴は投稿者を知った日から6か月以内に限られます。告訴状を持って警察署に行きます。弁護士に告訴状を作ってもらうと受理されやすくなります。',
                en: 'Defamation, insult and publishing revenge porn are only prosecuted on your formal complaint, which must be filed within 6 months of learning who the poster is. Take a written complaint to a police station; a lawyer-drafted complaint is more often accepted.',
              }
            : {
                ja: '警察署に被害届を出して捜査を求めます。印刷した証拠を持参してください。',
                en: 'File a crime report at a police station and ask for an investigation. Bring printed evidence.',
              },
          locale,
        ) +
        (complaint
          ? t(
              {
                ja: ` 告訴期限は${complaint.date}です。`,
                en: ` The complaint deadline is ${complaint.date}.`,
              },
              locale,
            )
          : ''),
      windowIds: ['police-cyber', 'bengoshikai'],
      link: 'https://www.npa.go.jp/bureau/cyber/soudan.html',
      duration: t(
        { ja: '告訴は投稿者を知ってから6か月以内', en: 'Within 6 months of learning who the poster is' },
        locale,
      ),
      cost: t(
        {
          ja: '警察への届出は無料（弁護士に依頼する場合は弁護士費用）',
          en: 'Free at the police (lawyer’s fees if you hire one)',
        },
        locale,
      ),
      urgent: complaint !== undefined && complaint.status !== 'ok',
    });
  }

  const support: WindowId[] = answers.victim?.minor
    ? ['kodomo-sos', 'kokoro-dial', 'yorisoi']
    : ['kokoro-dial', 'inochi-denwa', 'yorisoi'];
  steps.push({
    id: 'mental-health',
    title: t({ ja: '心のケアも大切に', en: 'Look after yourself too' }, locale),
    detail: t(
      {
        ja: '誹謗中傷を受けると、眠れない、食欲がない、外に出るのがこわいといったことが起こりがちです。あなたが弱いからではありません。話したくなったら、いつでも電話やSNSの相談窓口を使ってください。',
        en: 'Online abuse often brings sleepless nights, loss of appetite or fear of going out. That is not weakness. Whenever you want to talk, phone and chat support lines are there for you.',
      },
      locale,
    ),
    windowIds: support,
    link: 'https://www.mhlw.go.jp/mamorouyokokoro/',
    cost: t(
      {
        ja: '無料（ナビダイヤルは通話料がかかります）',
        en: 'Free (call charges apply on navi-dial numbers)',
      },
      locale,
    ),
    urgent: false,
  });

  return steps;
}
