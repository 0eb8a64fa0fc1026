"""The demo's words, in both languages. Structure and relations live in ``builder.py``.

Each entry maps a language code to its text; ``slug`` is shared by both
translations of a page.
"""

AUDIENCES = [
    {"slug": "public", "icon": "public", "zh-hans": ("社会公众", "面向所有人的金融知识与防骗提示。"), "en": ("General public", "Money know-how and scam warnings for everyone.")},
    {"slug": "customers", "icon": "customers", "zh-hans": ("保险客户", "保单服务、理赔与退保中的风险提示。"), "en": ("Customers", "Staying safe with policy services, claims and cancellations.")},
    {"slug": "professionals", "icon": "professionals", "zh-hans": ("保险从业人员", "合规销售与识别违法活动的要点。"), "en": ("Insurance professionals", "Compliant selling and spotting illegal schemes.")},
    {"slug": "elderly", "icon": "elderly", "zh-hans": ("老年朋友", "大字易读的防骗知识，守护养老钱。"), "en": ("Older people", "Easy-to-read advice to protect your pension.")},
]

# What a campaign page says to each audience: (heading, text), no placeholders.
CAMPAIGN_AUDIENCE_ADVICE = {
    "public": {"zh-hans": ("识破冒充客服的来电", "任何要求您把钱转到“安全账户”、报出验证码或下载屏幕共享软件的来电都是诈骗。请挂断后拨打95511核实。"),
               "en": ("Spot fake customer-service calls", "Anyone who asks you to move money to a “safe account”, read out a code or install a screen-sharing app is a fraudster. Hang up and call 95511.")},
    "customers": {"zh-hans": ("退保只走官方渠道", "退保、减保和理赔只能通过我司柜面、官方App或95511办理，不收取任何手续费。第三方“代理退保”会收取高额费用，还常诱导您购买高风险产品。"),
                  "en": ("Cancel only through official channels", "Cancellations, reductions and claims go through our branches, our official app or 95511, free of charge. Third-party “refund agents” charge high fees and often push you into risky products.")},
    "professionals": {"zh-hans": ("合规展业，拒绝违规承诺", "不承诺保本高收益，不协助客户虚构退保理由；发现“代理退保”黑产线索，请通过内部渠道上报。"),
                      "en": ("Sell within the rules", "Never promise guaranteed high returns or help a customer invent a reason to cancel; report leads about refund-agent gangs through the internal channels.")},
    "elderly": {"zh-hans": ("守护养老钱", "陌生人推荐“高收益理财”或“以房养老”时，先和子女商量。转账之前，先打96110问一问。"),
                "en": ("Protect your pension", "When a stranger offers a “high-return” deal or a home-equity scheme, talk to your family first. Before any transfer, call 96110.")},
}

CONTACTS = [
    {"kind": "phone", "value": "95511", "zh-hans": ("客户服务热线", "保单查询、理赔与投诉"), "en": ("Customer service hotline", "Policies, claims and complaints")},
    {"kind": "phone", "value": "96110", "zh-hans": ("全国反诈专线", "接到可疑来电时拨打"), "en": ("National anti-fraud hotline", "Call if you receive a suspicious call")},
    {"kind": "phone", "value": "12378", "zh-hans": ("金融监管投诉热线", "金融消费投诉"), "en": ("Financial regulator's complaints line", "Financial consumer complaints")},
    {"kind": "website", "value": "www.example-insurance.cn", "zh-hans": ("官方网站", "唯一官方网站"), "en": ("Official website", "Our only official website")},
    {"kind": "account", "value": "示例保险消保在线", "zh-hans": ("官方微信公众号", "唯一官方公众号"), "en": ("Official WeChat account", "Our only official WeChat account")},
]

SITE = {
    "home": {"zh-hans": ("守护您的钱袋子", "消费者权益保护教育宣传平台：识别诈骗、了解权益、理性投保。"), "en": ("Protect your money", "Consumer-protection education: spot scams, know your rights, buy insurance wisely.")},
    "campaigns": {"zh-hans": ("宣传活动", "3·15消费者权益保护教育宣传周、7·8全国保险公众宣传日、9月金融教育宣传月等活动。"), "en": ("Campaigns", "The 3.15 consumer-rights week, the 7.8 insurance publicity day, the September financial-education month and more.")},
    "events": {"zh-hans": ("线下活动", "走进社区、门店和公园，面对面讲解防骗知识。"), "en": ("Activities", "Talks in communities, stores and parks, face to face.")},
    "films": {"zh-hans": ("反诈微电影", "用短片讲清楚骗局的套路。"), "en": ("Micro-films", "Short films that show how scams work.")},
    "articles": {"zh-hans": ("防骗知识", "以案说险：真实案例、识别要点和应对方法。"), "en": ("Learn", "Real cases, warning signs and what to do.")},
    "alerts": {"zh-hans": ("风险提示", "最新诈骗手法预警。"), "en": ("Fraud alerts", "Warnings about the latest scams.")},
    "about": {"zh-hans": ("关于我们", "我们的消费者权益保护工作。"), "en": ("About us", "Our consumer-protection work.")},
}

ABOUT_BODY = {
    "zh-hans": "<p>我们坚持将消费者权益保护融入经营全流程，常态化开展金融知识普及与反诈宣传。所有公开内容均经过消费者权益保护审查。</p>",
    "en": "<p>We build consumer protection into every part of our business and run financial-education and anti-fraud outreach all year. Everything we publish passes a consumer-protection review.</p>",
}

CAMPAIGN_KINDS = {
    "consumer-rights-week": {"month": 3, "day": 15, "length": 7, "zh-hans": ("3·15消费者权益保护教育宣传周", "守护消费者权益 共建诚信金融"), "en": ("3.15 consumer-rights education week", "Protecting consumers, building trust")},
    "insurance-day": {"month": 7, "day": 8, "length": 1, "zh-hans": ("7·8全国保险公众宣传日", "保险，让生活更有底气"), "en": ("7.8 national insurance publicity day", "Insurance that gives you confidence")},
    "education-month": {"month": 9, "day": 1, "length": 30, "zh-hans": ("金融教育宣传月", "金融为民 防范非法集资"), "en": ("Financial-education month", "Finance for the people: beware illegal fund-raising")},
}

LIVE_DRIVE = {"zh-hans": ("冬季反诈专项行动", "识破“代理退保”陷阱，守护养老钱"), "en": ("Winter anti-fraud drive", "See through fake surrender-refund agents and protect your pension")}

EVENT_TEMPLATES = [
    {"kind": "talk", "zh-hans": ("社区防骗讲座", "幸福里社区活动中心", "幸福里路 18 号"), "en": ("Community anti-fraud talk", "Xingfuli Community Centre", "18 Xingfuli Road")},
    {"kind": "store-visit", "zh-hans": ("门店开放日", "城东客户服务中心", "人民路 88 号"), "en": ("Open day at our service centre", "East City Service Centre", "88 Renmin Road")},
    {"kind": "park-tour", "zh-hans": ("公园健步走·反诈知识问答", "滨江公园南门", "滨江大道"), "en": ("Park walk and anti-fraud quiz", "Riverside Park, south gate", "Riverside Avenue")},
    {"kind": "online-live", "zh-hans": ("线上直播：识破电信诈骗新套路", "线上直播间", ""), "en": ("Live online: new telecom-fraud tricks", "Online", "")},
]

FILMS = [
    {"slug": "the-refund-call", "url": "https://www.bilibili.com/video/BV1GJ411x7h7", "duration": 312, "topics": ("代理退保", "surrender refund"),
     "zh-hans": ("微电影《退保来电》", "一通“帮您全额退保”的电话背后，是层层收费的陷阱。", "<p>旁白：张阿姨接到自称“退保专员”的电话……</p><p>张阿姨：我打了95511核实，才知道是骗局。</p>"),
     "en": ("Film: The refund call", "Behind a call offering a “full refund” is a trap of fees.", "<p>Narrator: Mrs Zhang gets a call from a “refund specialist”…</p><p>Mrs Zhang: I called 95511 to check, and learned it was a scam.</p>")},
    {"slug": "safe-account", "url": "https://v.qq.com/x/cover/mzc00200abcdefg/t0041xyzabc.html", "duration": 245, "topics": ("电信诈骗", "telecom fraud"),
     "zh-hans": ("短片《安全账户》", "公检法不会要求您把钱转入“安全账户”。", "<p>骗子：您的账户涉嫌洗钱，请转入安全账户。</p><p>旁白：挂断电话，拨打96110。</p>"),
     "en": ("Short: The “safe account”", "Police never ask you to move money to a “safe account”.", "<p>Scammer: Your account is linked to money laundering; move it to a safe account.</p><p>Narrator: Hang up and call 96110.</p>")},
    {"slug": "high-return-trap", "url": "https://v.youku.com/v_show/id_XNTg0NzY1MjM2OA==.html", "duration": 420, "topics": ("非法集资", "illegal fund-raising"),
     "zh-hans": ("教育版电影《高息陷阱》", "电影教育版：承诺高收益的“理财”多是非法集资。", "<p>片段一：投资说明会上，讲师承诺“保本高息”。</p><p>片段二：资金链断裂，投资人血本无归。</p>"),
     "en": ("Education cut: The high-return trap", "Education cut of a feature film: “investments” promising high returns are often illegal fund-raising.", "<p>Scene one: at a seminar the speaker promises “guaranteed high interest”.</p><p>Scene two: the money runs out and investors lose everything.</p>")},
    {"slug": "spot-the-fake-agent", "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "duration": 180, "topics": ("代理退保", "surrender refund"),
     "zh-hans": ("三分钟看懂“代理退保”", "三个问题识别假冒代理。", "<p>第一：正规退保不收取额外费用。第二：不要交出保单原件和身份证。第三：通过95511核实。</p>"),
     "en": ("Three minutes on fake refund agents", "Three questions to spot a fake agent.", "<p>One: a genuine cancellation has no extra fee. Two: never hand over your policy and ID. Three: check with 95511.</p>")},
    {"slug": "pension-scam", "url": "https://vimeo.com/76979871", "duration": 200, "topics": ("养老诈骗", "pension fraud"),
     "zh-hans": ("守护养老钱", "以“养老项目”为名的骗局怎么识别。", "<p>旁白：“投资养老公寓，每年返利20%”——这是典型的养老诈骗话术。</p>"),
     "en": ("Protect your pension", "How to spot scams dressed up as “retirement projects”.", "<p>Narrator: “Invest in a retirement flat, 20% back every year” — a classic pension-scam line.</p>")},
]

SELF_HOSTED_FILM = {
    "slug": "anti-fraud-short", "duration": 4, "topics": ("电信诈骗", "telecom fraud"),
    "zh-hans": ("反诈小课堂（本站播放）", "四秒钟记住一句话：不听、不信、不转账。", "<p>不听、不信、不转账。</p>"),
    "en": ("Anti-fraud minute (played on this site)", "Remember one line: don't listen, don't believe, don't transfer.", "<p>Don't listen, don't believe, don't transfer.</p>"),
    "captions": {
        "zh-hans": "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n不听、不信\n\n00:00:02.000 --> 00:00:04.000\n不转账\n",
        "en": "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nDon't listen, don't believe\n\n00:00:02.000 --> 00:00:04.000\nDon't transfer\n",
    },
}
