"""Demo quiz and report form, in both languages (words only; see ``builder.py``)."""

# Each question: the question, the options (the first tuple item marks the right one) and the explanation.
QUIZ = {
    "slug": "anti-fraud-quiz",
    "related": ["fake-surrender-refund-agents", "spot-illegal-fund-raising", "impersonation-calls"],
    "zh-hans": {
        "title": "防骗知识小测验",
        "summary": "四道题，测一测您能否识破常见骗局。",
        "intro": "选择您认为正确的答案，提交后查看解析。",
        "questions": [
            ("有人来电称能帮您“全额退保”，但要先交退保金额30%的手续费。您应该怎么做？",
             [(False, "先交手续费，尽快办理"), (True, "挂断电话，拨打官方客服热线95511核实"), (False, "把保单和身份证照片发给对方")],
             "正规退保不收取任何额外手续费。所谓“代理退保”多是骗局，请通过官方热线或柜面办理。"),
            ("以下哪一项是非法集资的典型特征？",
             [(True, "承诺保本保息、高额回报"), (False, "在持牌机构的官方渠道办理业务"), (False, "合同中写明了风险提示")],
             "承诺“保本保息”“稳赚不赔”是非法集资的常见诱饵。高收益必然伴随高风险。"),
            ("“客服”说您的账户异常，要您提供短信验证码才能解除。您应该？",
             [(False, "马上告诉对方验证码"), (True, "任何情况下都不把验证码告诉别人"), (False, "只告诉对方一半数字")],
             "验证码就是您的“钥匙”。正规机构绝不会索要验证码，索要验证码的一定是骗子。"),
            ("怀疑遇到电信诈骗，应拨打哪个全国反诈专线？",
             [(True, "96110"), (False, "对方留下的“客服电话”"), (False, "网上搜索到的“官方热线”")],
             "96110是全国反诈专线。不要拨打陌生人留下的号码，网上搜索到的“热线”也可能是假的。"),
        ],
    },
    "en": {
        "title": "Anti-fraud quiz",
        "summary": "Four questions: can you spot the common scams?",
        "intro": "Choose the answer you think is right, then send to see the explanations.",
        "questions": [
            ("A caller offers to get you a “full refund” of your policy for a fee of 30% of the refund. What should you do?",
             [(False, "Pay the fee to get it done quickly"), (True, "Hang up and check with the official hotline 95511"), (False, "Send them photos of your policy and ID card")],
             "A genuine cancellation never has an extra fee. So-called refund agents are usually scams: use the official hotline or a service counter."),
            ("Which of these is a typical sign of illegal fund-raising?",
             [(True, "Guaranteed capital and high returns"), (False, "Dealing through a licensed firm's official channels"), (False, "A contract that spells out the risks")],
             "Promises of guaranteed capital and returns are the usual bait of illegal fund-raising. High returns always come with high risk."),
            ("“Customer service” says your account has a problem and asks for the code in a text message to fix it. What should you do?",
             [(False, "Tell them the code straight away"), (True, "Never tell anyone a verification code"), (False, "Tell them half of the digits")],
             "A verification code is a key to your account. Genuine firms never ask for it; whoever asks is a scammer."),
            ("Which is the national anti-fraud hotline to call if you suspect telecom fraud?",
             [(True, "96110"), (False, "The “customer service” number the caller gave you"), (False, "A “hotline” found through a web search")],
             "96110 is the national anti-fraud hotline. Never call a number a stranger gives you; search results can be fake too."),
        ],
    },
}

# (clean name, field type, required) for both languages; per language below: (label, choices, help text).
REPORT_FIELDS = [
    ("contact_method", "radio", True),
    ("contact_detail", "singleline", False),
    ("what_happened", "multiline", True),
    ("money_paid", "radio", True),
    ("reply_phone", "singleline", False),
]
SUSPECT_CONTACT_FIELD = "contact_detail"  # handlers can mark its answers as reported contacts (portal.reports)
REPORT_FORM = {
    "slug": "report",
    "zh-hans": {
        "title": "举报可疑来电与推销",
        "summary": "接到可疑电话、短信或上门推销？告诉我们，帮助更多人识别骗局。",
        "intro": "<p>接到自称我司员工的可疑电话、短信，或遇到“代理退保”“高息理财”等推销？请告诉我们经过。我们不会要求您提供密码或验证码。</p>",
        "thank_you_text": "<p>消费者权益保护团队会在2个工作日内查看每一条报告。如果您留下了联系电话，我们会通过官方客服热线95511回访，绝不会要求您转账或提供验证码。常见骗局会整理成风险提示，提醒更多人。</p>",
        "fields": [
            ("对方是如何联系您的", "电话\n短信\n微信或QQ\n上门拜访\n其他", ""),
            ("对方使用的电话号码、网址或账号", "", "如有，请照原样填写。"),
            ("发生了什么", "", "对方说了什么、要求您做什么。请不要填写银行卡密码或验证码。"),
            ("您是否已经转账或付款", "没有\n是的", ""),
            ("您的联系电话（选填）", "", "如希望我们回访，请留下电话。"),
        ],
    },
    "en": {
        "title": "Report a suspicious approach",
        "summary": "Had a suspicious call, message or visit? Tell us and help others spot the scam.",
        "intro": "<p>Did someone claiming to work for us call or message you, or offer “refund agent” or “high-return” deals? Tell us what happened. We will never ask you for a password or a verification code.</p>",
        "thank_you_text": "<p>The consumer-protection team reads every report within 2 working days. If you left a phone number, we call back from the official hotline 95511, and we will never ask you to transfer money or give a code. Common scams become fraud alerts that warn others.</p>",
        "fields": [
            ("How did they contact you", "Phone call\nText message\nWeChat or QQ\nIn person\nOther", ""),
            ("The number, website or account they used", "", "If you have it, as you saw it."),
            ("What happened", "", "What they said and asked you to do. Do not write card PINs or verification codes."),
            ("Have you already paid or transferred money", "No\nYes", ""),
            ("Your phone number (optional)", "", "If you would like us to call you back."),
        ],
    },
}
