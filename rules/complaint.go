package rules

import (
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

var complaintRules = []*engine.Rule{complaintContact}

var (
	// inquiryWords mark a sentence or title that presents a contact point
	// for complaints or inquiries.
	inquiryWords = rx.MustCompile(`苦情|問い?合わ?せ|問合せ|相談|ご意見|ご質問|ご要望|ご不明|連絡先|ご?連絡(?:ください|下さい)|窓口|申出先|申し出先|お申し?出|照会|コンタクト|Contact|CONTACT`)
	// contactPointMention is a sentence that sends the reader to a contact
	// point (「お問い合わせは下記までご連絡ください」, 「苦情は窓口で承ります」).
	contactPointMention = rx.MustCompile(`(?:窓口|問い?合わ?せ|問合せ|苦情|相談|ご意見|ご質問)[^。]*(?:ご?連絡(?:ください|下さい|願います|をお願い)|受け?付け(?:て|ます|いたします|ております)|受付(?:いた|して)|承ります|承って|承り|お寄せください|お申し?出ください|お問い?合わ?せください|までお願い|へお願い)`)
	// otherBodyInquiry marks an inquiry directed at someone other than the
	// operator: an accredited body, the advertisers, a browser's maker.
	otherBodyInquiry = rx.MustCompile(`認定個人情報保護団体|認定団体|各社|提供会社|提供元|各事業者|各ブラウザ|製造元|送信先|委託先|提携先`)
)

// complaintWindow is how many blocks after an inquiry sentence (「下記まで
// ご連絡ください」) may hold the contact details it points to.
const complaintWindow = 10

var complaintContact = &engine.Rule{
	ID:       "appi/complaint-contact",
	Severity: engine.Error,
	Article:  engine.Text{JA: "法32条1項4号, 令10条2号, 法40条", EN: "APPI Art. 32(1)(iv), Cabinet Order Art. 10(ii), APPI Art. 40"},
	Title:    engine.Text{JA: "苦情・問い合わせの申出先", EN: "Contact point for complaints"},
	Doc: engine.Text{
		JA: "保有個人データの取扱いに関する苦情・問い合わせの申出先を、連絡手段（住所、電話番号、メールアドレス、問い合わせフォーム）とともに記載する必要があります。" +
			"「こちらで受け付けています」「下記メールアドレスよりご連絡ください」のように窓口に触れていても、連絡手段が書かれていなければ記載なしとします。認定個人情報保護団体の連絡先は事業者自身の申出先になりません。",
		EN: "The policy must give a contact point for complaints and inquiries about the handling of personal information, with a way to reach it (postal address, phone, e-mail or an inquiry form). " +
			"Mentioning a contact point (「こちらで受け付けています」, 「下記メールアドレスより」) without the address, number or form is missing. An accredited body's contact is not the operator's own.",
	},
	Missing: engine.Text{
		JA: "個人情報の取扱いに関する苦情・問い合わせの申出先と連絡手段が記載されていません（法32条1項4号、令10条2号）。窓口名とともに住所・電話番号・メールアドレス・フォームのいずれかを記載してください。",
		EN: "No contact point for complaints and inquiries about personal information is given with a way to reach it (APPI Art. 32(1)(iv), Cabinet Order Art. 10(ii)). Name the contact point and give its postal address, phone number, e-mail address or inquiry form.",
	},
	Fix: engine.Text{
		JA: "個人情報の取扱いに関する苦情・お問い合わせは、下記の窓口までご連絡ください。\n【会社名】 個人情報お問い合わせ窓口\n住所：【住所】\n電話：【電話番号】（受付時間：【受付時間】）\nメール：【メールアドレス】",
		EN: "Add a section naming the complaints and inquiries desk with at least one way to reach it: postal address, phone number (with hours), e-mail address or the URL of the inquiry form.",
	},
	Good: "個人情報の取扱いに関する苦情・お問い合わせは、下記窓口までご連絡ください。\n個人情報お問い合わせ窓口　メール：privacy@example.co.jp",
	Bad:  "個人情報の取扱いに関するお問い合わせは、こちらで受け付けています。",
	Run:  runComplaintContact,
}

func runComplaintContact(p *engine.Pass) {
	doc := p.Doc
	titles := titlesOf(p)
	windowed := inquiryWindows(doc, titles)
	var evidence []*model.Sentence
	for _, c := range p.Facts.Contacts {
		s := c.Sentence
		if s == nil || titles.Under(s.Section(), accreditedBodyTitle) || otherBodyInquiry.MatchString(s.Text) {
			continue
		}
		inSection := titles.Under(s.Section(), contactSectionTitle)
		if c.Kind == facts.URL && !inSection && titles.Under(s.Section(), otherBodySection) {
			// 「詳しくは各ツールの提供者にお問い合わせください https://…」: links
			// in the sections about tools and recipients are theirs. (An
			// e-mail or phone there is kept: a policy's closing contact
			// lines often fall under its last section.)
			continue
		}
		inSentence := inquiryWords.MatchString(s.Text)
		switch {
		case inSentence:
		case c.Kind == facts.URL:
			// A link counts only where it is presented as the contact point:
			// a bare URL may be anyone's page (an opt-out page, a policy).
			continue
		case inSection || windowed[s.Block.Index]:
		default:
			continue
		}
		evidence = append(evidence, s)
	}
	if len(evidence) > 0 {
		p.OK(uniqueSentenceSpans(evidence...)...)
		return
	}
	for _, s := range doc.Sentences {
		if contactPointMention.MatchString(s.Text) && !otherBodyInquiry.MatchString(s.Text) {
			p.MissingWith(s.Span, engine.Text{
				JA: "苦情・問い合わせの窓口に触れていますが、連絡手段（住所・電話番号・メールアドレス・フォーム）が記載されていません（法32条1項4号、令10条2号）。窓口の連絡先を記載してください。",
				EN: "A contact point for complaints and inquiries is mentioned, but no way to reach it (address, phone, e-mail or form) is given (APPI Art. 32(1)(iv), Cabinet Order Art. 10(ii)). Add the contact details.",
			})
			return
		}
	}
	p.Missing(Anchor(doc, contactSectionTitle))
}

// otherBodySection marks sections about other businesses (tools,
// advertisers, recipients), whose links are theirs.
var otherBodySection = rx.MustCompile(`外部送信|情報収集モジュール|Cookie|cookie|クッキー|広告|解析|第三者|共同利用|委託|外国`)

// accreditedBodyTitle marks the section about an accredited personal
// information protection body, whose complaint desk is that body's.
var accreditedBodyTitle = rx.MustCompile(`認定個人情報保護団体|認定団体`)

// inquiryWindows marks the blocks that follow a sentence presenting a
// contact point, up to the next heading: 「下記までご連絡ください。」 is
// followed by the address, phone number or e-mail it points to.
func inquiryWindows(doc *model.Document, titles facts.TitleMemo) map[int]bool {
	windowed := map[int]bool{}
	for _, s := range doc.Sentences {
		b := s.Block
		if !inquiryWords.MatchString(s.Text) || otherBodyInquiry.MatchString(s.Text) || titles.Under(s.Section(), accreditedBodyTitle) {
			continue
		}
		for i := b.Index + 1; i < len(doc.Blocks) && i <= b.Index+complaintWindow; i++ {
			if doc.Blocks[i].Kind == model.Heading {
				break
			}
			windowed[i] = true
		}
	}
	return windowed
}
