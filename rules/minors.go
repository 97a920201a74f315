package rules

import (
	"strconv"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

var minorsRules = []*engine.Rule{minorsRule, accreditedBodyRule}

// ---- appi/minors -----------------------------------------------------------

var (
	// minorsAge is the age in an age line: a number, or a 【…】 blank where
	// a drafted clause leaves it to the author (【15】歳未満).
	minorsAge = `(?:\d{1,2}|` + facts.PlaceholderValue + `)`
	// minorsAgeLine is an explicit age line (15歳未満, 16才以下).
	minorsAgeLine = rx.MustCompile(minorsAge + `\s*(?:歳|才)\s*(?:未満|以下|に満たない)`)
	// minorsAdultOnly says the service is for adults only (18歳以上の方を
	// 対象としています), so children's information is not collected.
	minorsAdultOnly = rx.MustCompile(minorsAge + `\s*(?:歳|才)以上の(?:方|者|お客様|利用者|ユーザー|会員)?(?:のみ)?(?:を|に)?(?:対象|限|限定|ご利用いただけ|利用できます)`)
	// minorsChild names children without an age line.
	minorsChild = rx.MustCompile(`未成年|子ども|子供|こども|お子様|お子さま|児童|年少者|小学生|中学生`)
	// minorsStatute is the statutory exception (法18条3項3号, 27条1項3号)
	// quoted in every policy: it says nothing about children's data.
	minorsStatute = rx.MustCompile(`児童の健全な育成`)
	// minorsGuardianConsent is the consent of a parent or legal guardian.
	minorsGuardianConsent = rx.MustCompile(`(?:保護者|親権者|法定代理人|後見人|親御さん?|ご両親)[^。]{0,30}?(?:同意|承諾|許可|了承|許諾|承認)|(?:同意|承諾|許可)[^。]{0,15}?(?:保護者|親権者|法定代理人)`)
	// minorsNoCollection says children's information is not collected or
	// the service is not offered to them.
	minorsNoCollection = rx.MustCompile(`(?:取得|収集|登録|受け付け|受付|お預かり)[^。]{0,10}?(?:しません|いたしません|致しません|しておりません|していません|することはありません|しないこととします)|対象として(?:おりません|いません)|対象外|ご利用いただけません|ご利用になれません|利用できません|登録できません|ご遠慮|お断り`)
	// minorsRequest marks a sentence about requests by an agent: 未成年者の
	// 法定代理人 as the requester does not say how children's data is handled.
	minorsRequest = rx.MustCompile(`請求|開示等|委任状|代理人による`)
	// minorsRequestTitle is a section on requests, whose 法定代理人 are
	// requesters.
	minorsRequestTitle = rx.MustCompile(`開示|請求|手続|代理人`)
	// minorsTitle is a heading about children's information.
	minorsTitle = rx.MustCompile(`未成年|子ども|子供|こども|お子様|お子さま|児童|年少者|` + minorsAge + `\s*(?:歳|才)未満`)
	// minorsAnchorTitle is where a missing statement belongs.
	minorsAnchorTitle = rx.MustCompile(`取得|収集|取り扱い|取扱い`)
)

// minorsLookahead is how many sentences after a mention of children may
// carry the consent that goes with it (「15歳未満の方の個人情報を取得する
// 場合があります。その際は保護者の同意を得ます。」).
const minorsLookahead = 2

var minorsRule = &engine.Rule{
	ID:       "appi/minors",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "個人情報保護委員会Q&A 1-62", EN: "PPC Q&A 1-62"},
	Title:    engine.Text{JA: "子どもの個人情報の取扱い", EN: "Handling of children's personal information"},
	Doc: engine.Text{
		JA: "子どもの個人情報をどう扱うかを記載していることが期待されます（個人情報保護委員会Q&A 1-62は、一般に12〜15歳以下の子どもについて法定代理人等の同意を得る必要があるとしています）。" +
			"年齢の線（既定は15歳未満、設定で変更可）または未成年者について、保護者・法定代理人の同意を得ること、または取得しないことが書かれていれば記載ありとします。" +
			"開示等の請求をする代理人として未成年者の法定代理人に触れているだけでは記載なしです。",
		EN: "The policy is expected to say how children's personal information is handled (PPC Q&A 1-62: consent is generally needed from the legal representative of children aged about 12 to 15 or under). " +
			"It is present when, for an age line (15 by default, configurable) or for minors, it requires the consent of a parent or legal representative, or says such information is not collected. " +
			"Naming a minor's legal representative only as a person who may file disclosure requests is missing.",
	},
	Missing: engine.Text{
		JA: "子どもの個人情報の取扱い（保護者・法定代理人の同意など）が記載されていません（個人情報保護委員会Q&A 1-62）。15歳未満の方の個人情報を取得する際は保護者の同意を得る旨、または取得しない旨を記載してください。",
		EN: "How children's personal information is handled (consent of a parent or legal representative) is not stated (PPC Q&A 1-62). State that consent of a parent is obtained for users under 15, or that their information is not collected.",
	},
	Fix: engine.Text{
		JA: "【15】歳未満の方が本サービスを利用し個人情報を提供する場合は、保護者（親権者）の同意を得たうえで提供してください。当社は、保護者の同意なく【15】歳未満の方から個人情報を取得したことが判明した場合、当該情報を速やかに削除します。",
		EN: "Add a section on children: users under the configured age (15 by default) must provide personal information with the consent of a parent or guardian, or the service does not collect it.",
	},
	Good: "15歳未満の方は、保護者の同意を得たうえで個人情報をご提供ください。",
	Bad:  "ご本人が未成年者の場合は、法定代理人による開示等の請求を受け付けます。",
	Run:  runMinors,
}

func runMinors(p *engine.Pass) {
	doc := p.Doc
	titles := titlesOf(p)
	var evidence []model.Span
	for i, s := range doc.Sentences {
		if minorsRequest.MatchString(s.Text) || titles.Under(s.Section(), minorsRequestTitle) {
			continue
		}
		if minorsAdultOnly.MatchString(s.Text) {
			evidence = append(evidence, s.Span)
			continue
		}
		if !mentionsChildren(titles, s) {
			continue
		}
		// The consent or the refusal may follow in the next sentences of
		// the same section.
		for j := i; j < len(doc.Sentences) && j <= i+minorsLookahead; j++ {
			t := doc.Sentences[j]
			if t.Section() != s.Section() || minorsRequest.MatchString(t.Text) {
				break
			}
			if minorsGuardianConsent.MatchString(t.Text) || minorsNoCollection.MatchString(t.Text) {
				if j != i {
					evidence = append(evidence, s.Span)
				}
				evidence = append(evidence, t.Span)
				break
			}
		}
	}
	if len(evidence) > 0 {
		p.OK(dedupSpans(evidence)...)
		return
	}
	age := p.Config.MinorsAge
	if age <= 0 {
		age = engine.DefaultConfig().MinorsAge
	}
	a := strconv.Itoa(age)
	p.MissingWith(Anchor(doc, minorsTitle, minorsAnchorTitle), engine.Text{
		JA: "子どもの個人情報の取扱い（保護者・法定代理人の同意など）が記載されていません（個人情報保護委員会Q&A 1-62）。" + a + "歳未満の方の個人情報を取得する際は保護者の同意を得る旨、または取得しない旨を記載してください。",
		EN: "How children's personal information is handled (consent of a parent or legal representative) is not stated (PPC Q&A 1-62). State that consent of a parent is obtained for users under " + a + ", or that their information is not collected.",
	})
}

// mentionsChildren reports whether a sentence, or the heading it lies
// under, speaks of children: an age line, 未成年者, お子様… The statutory
// exception 「児童の健全な育成」 is not about children's data.
func mentionsChildren(titles facts.TitleMemo, s *model.Sentence) bool {
	text := minorsStatute.ReplaceAllString(s.Text, "")
	if minorsAgeLine.MatchString(text) || minorsChild.MatchString(text) {
		return true
	}
	return titles.Under(s.Section(), minorsTitle)
}

// dedupSpans drops repeated spans, keeping order.
func dedupSpans(spans []model.Span) []model.Span {
	seen := map[model.Span]bool{}
	var out []model.Span
	for _, sp := range spans {
		if !seen[sp] {
			seen[sp] = true
			out = append(out, sp)
		}
	}
	return out
}

// ---- appi/accredited-body --------------------------------------------------

var (
	// accreditedMention names an accredited personal information
	// protection organisation (法47条).
	accreditedMention = rx.MustCompile(`認定個人情報保護団体|認定団体`)
	// accreditedNotMember says the operator belongs to none.
	accreditedNotMember = rx.MustCompile(`(?:所属|加盟|加入|参加|対象事業者|会員)[^。]{0,25}?(?:ていません|ておりません|ではありません|ではございません|なっておりません|なっていません|しない|ありません|ございません|なし|無し)|認定(?:個人情報保護)?団体[^。]{0,10}?(?:該当なし|なし|無し|ありません|ございません)`)
	// accreditedBodyName is the name of such an organisation: a foundation
	// or association (一般財団法人日本情報経済社会推進協会, 〇〇推進センター).
	accreditedBodyName = rx.MustCompile(`(?:一般|公益)(?:財団|社団)法人\s?[^\s、。()「」:]{2,40}|[^\s、。()「」:・]{2,30}(?:協会|センター|機構|協議会|連合会|推進会議|振興会|連盟)`)
	// accreditedBlankName is a 【…】 blank in the organisation's name slot
	// (認定個人情報保護団体である【団体の名称】): the name is drafted, its
	// value left to fill.
	accreditedBlankName = rx.MustCompile(`(?:認定個人情報保護団体|認定団体)(?:である|の名称\s*(?:[:\t]|は))\s*` + facts.PlaceholderValue)
)

// accreditedWindow is how many blocks after a sentence naming the
// organisation may hold its name and contact details.
const accreditedWindow = 8

var accreditedBodyRule = &engine.Rule{
	ID:       "appi/accredited-body",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "法32条1項4号, 令10条3号, 法40条", EN: "APPI Art. 32(1)(iv), Cabinet Order Art. 10(iii), APPI Art. 40"},
	Title:    engine.Text{JA: "認定個人情報保護団体の名称と苦情の申出先", EN: "Accredited body's name and complaint contact"},
	Doc: engine.Text{
		JA: "認定個人情報保護団体の対象事業者である場合は、その団体の名称と苦情の解決の申出先を本人の知り得る状態に置く必要があります（令10条3号）。" +
			"団体の名称と、その連絡先（電話番号、住所、URLなど）が書かれていれば記載ありとします。対象事業者であると書かれていなければ対象外です。",
		EN: "An operator that is a member of an accredited personal information protection organisation must make the organisation's name and its complaint contact known (Cabinet Order Art. 10(iii)). " +
			"It is present when the organisation's name and a way to reach its complaint desk (phone, address, URL…) are given. Without a statement of membership the rule does not apply.",
	},
	Conditional: true,
	Trigger: engine.Text{
		JA: "事業者が認定個人情報保護団体の対象事業者である（所属している）と記載していること。",
		EN: "The policy says the operator is a member (対象事業者) of an accredited personal information protection organisation.",
	},
	Missing: engine.Text{
		JA: "認定個人情報保護団体の対象事業者である旨の記載がありますが、団体の名称または苦情の解決の申出先が記載されていません（法32条1項4号、令10条3号）。団体の名称と連絡先を記載してください。",
		EN: "Membership of an accredited organisation is stated, but its name or its complaint contact is missing (APPI Art. 32(1)(iv), Cabinet Order Art. 10(iii)). Give the organisation's name and contact details.",
	},
	Fix: engine.Text{
		JA: "当社は、認定個人情報保護団体である【団体の名称】の対象事業者です。同団体では、対象事業者の個人情報の取扱いに関する苦情・相談を受け付けております。\n苦情の解決の申出先：【団体の名称】\n住所：【住所】\n電話：【電話番号】",
		EN: "Name the accredited organisation the operator belongs to and give its complaint desk's contact details (address, phone number or URL).",
	},
	Good: "当社は、認定個人情報保護団体である一般財団法人日本情報経済社会推進協会の対象事業者です。苦情の申出先：認定個人情報保護団体事務局 電話 03-5860-7565",
	Bad:  "当社は、認定個人情報保護団体の対象事業者です。",
	Run:  runAccreditedBody,
}

func runAccreditedBody(p *engine.Pass) {
	doc := p.Doc
	titles := titlesOf(p)
	var triggers []*model.Sentence
	for _, s := range doc.Sentences {
		loc := accreditedMention.FindStringIndex(s.Text)
		if loc == nil && !titles.Under(s.Section(), accreditedMention) {
			continue
		}
		if accreditedNotMember.MatchString(s.Text) {
			p.NA("the policy says the operator belongs to no accredited personal information protection organisation")
			return
		}
		if loc == nil {
			continue
		}
		// 「認定個人情報保護団体の対象事業者である場合には…」 paraphrases the
		// law; it is not a statement of membership.
		if c := s.ClauseAt(s.Span.Start + loc[0]); c != nil && (c.Negated || c.Conditional) {
			continue
		}
		triggers = append(triggers, s)
	}
	if len(triggers) == 0 {
		p.NA("no membership of an accredited personal information protection organisation is stated")
		return
	}
	// The blocks that belong to the triggers: one pass over the sentences
	// and contacts, however many triggers there are.
	inRegion := make([]bool, len(doc.Blocks))
	for _, s := range triggers {
		first, last := accreditedRegion(doc, s)
		for i := first; i <= last; i++ {
			inRegion[i] = true
		}
	}
	var nameAt, contactAt []model.Span
	for _, t := range doc.Sentences {
		if inRegion[t.Block.Index] && bodyNameIn(t.Text) {
			nameAt = append(nameAt, t.Span)
		}
	}
	for _, c := range p.Facts.Contacts {
		if c.Sentence != nil && inRegion[c.Sentence.Block.Index] && c.Kind != facts.Form {
			contactAt = append(contactAt, c.Sentence.Span)
		}
	}
	if len(nameAt) == 0 || len(contactAt) == 0 {
		p.Missing(triggers[0].Span)
		return
	}
	p.OK(dedupSpans(append(nameAt, contactAt...))...)
}

// bodyNameIn reports whether text names an organisation other than by the
// generic term 認定個人情報保護団体.
func bodyNameIn(text string) bool {
	return accreditedBodyName.MatchString(accreditedMention.ReplaceAllString(text, "")) || accreditedBlankName.MatchString(text)
}

// accreditedRegion returns the blocks that belong to a sentence naming an
// accredited organisation: the section of a heading that names it, else
// the sentence's block and the few blocks that follow it up to a heading.
func accreditedRegion(doc *model.Document, s *model.Sentence) (int, int) {
	for sec := s.Section(); sec != nil; sec = sec.Parent {
		if sec.Head != nil && accreditedMention.MatchString(sec.Title) {
			return sec.Head.Index, lastBlockIn(doc, sec)
		}
	}
	last := s.Block.Index
	for i := last + 1; i < len(doc.Blocks) && i <= s.Block.Index+accreditedWindow; i++ {
		if doc.Blocks[i].Kind == model.Heading {
			break
		}
		last = i
	}
	return s.Block.Index, last
}

// lastBlockIn returns the index of the last block inside a section.
func lastBlockIn(doc *model.Document, sec *model.Section) int {
	last := sec.Head.Index
	for i := last + 1; i < len(doc.Blocks) && sec.Span.Contains(doc.Blocks[i].Span); i++ {
		last = i
	}
	return last
}
