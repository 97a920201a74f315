package rules

import (
	"sort"
	"strings"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Third-party provision (catalog section 6, 法27条1項・2項) and joint use
// (section 7, 法27条5項3号).
//
// Whether joint use is declared and which items the policy states is a
// shared fact (facts.JointUse): the six joint-use rules only read it. The
// consent statement and the opt-out provision are read here: no other rule
// needs them.

var provisionRules = []*engine.Rule{
	thirdPartyConsent, optOutItems,
	jointUseItems, jointUseScope, jointUsePurpose, jointUseManager, jointUseManagerAddress, jointUseManagerRepresentative,
}

var (
	// provThirdPartyTitle and provProvisionTitle are titles of sections
	// about provision to others.
	provThirdPartyTitle = rx.MustCompile(`第三者`)
	provProvisionTitle  = rx.MustCompile(`提供|開示|共有`)
	// jointUseTitle is the title of a section about joint use.
	jointUseTitle = rx.MustCompile(`共同(?:して|で)?利用`)
)

// ---- appi/third-party-consent ----

var (
	// thirdPartyProvisionPhrase is provision (or disclosure) to a third party.
	// A parenthesis may follow 第三者: 第三者（日本国外にある者を含みます。）に提供.
	thirdPartyProvisionPhrase = rx.MustCompile(`第三者(?:\([^)]{0,40}\))?(?:に対して|に対し|へと|へ|に|と)、?[^。]{0,40}?(?:提供|開示|共有|提示|譲渡|渡|預託|貸与|販売|売却|漏洩|漏えい)|第三者(?:\([^)]{0,40}\))?(?:へ|に)?の?(?:提供|開示)|第三者提供`)
	// provisionConsent is the individual's consent.
	provisionConsent = rx.MustCompile(`同意|承諾|了承|了解|許可|承認|許諾`)
	// provConsentException makes consent the condition of provision
	// (同意を得た場合に限り提供します).
	provConsentException = rx.MustCompile(`場合に限り|場合に限って|場合のみ|ときに限り|ときのみ`)
	// provClosedListIntro opens the list of the only cases of provision.
	provClosedListIntro = rx.MustCompile(`(?:次|以下|下記)(?:の|に掲げる|のいずれか)`)
	// provConsentObtained: 提供する場合は…同意を得ます.
	provConsentObtained = rx.MustCompile(`(?:同意|承諾|了承)を(?:得|いただ|頂|取得|確認)`)
	// provNotPersonal: provision of data that is not personal data,
	// or the statutory exception where consent is hard to obtain, is
	// another matter.
	provNotPersonal = rx.MustCompile(`匿名加工|仮名加工|統計|困難`)
	// cellNegation is a negated provision ending a table cell.
	cellNegation = rx.MustCompile(`^[^。|\t]{0,12}?(?:しません|いたしません|致しません|しない|(?:こと|事)は(?:ありません|ございません|いたしません|致しません|しません))`)
	// provDeemedConsent is consent the operator presumes.
	provDeemedConsent = rx.MustCompile(`みなし|みなす|見なし|見なす`)
	// provOthersRefrain: a duty imposed on others (委託先が…提供しないよう).
	provOthersRefrain = rx.MustCompile(`よう|委託先|従業者|従業員|受託者|させ(?:ない|ません)|禁止`)
	// provStatuteExplanation explains what the law provides; it does not say
	// what the operator does.
	provStatuteExplanation = rx.MustCompile(`(?:ことを|旨を|と)(?:定め|規定し)て(?:い|おり)ます。?$`)
	// provForeignOnly: consent to provision to a foreign third party (法28条)
	// is a narrower statement, unless foreign parties are only included
	// (第三者（日本国外にある者を含みます。）).
	provForeignOnly = rx.MustCompile(`(?:外国|国外|海外)(?:にある|に所在する|の)(?:第三者|事業者)`)
)

// consentListBlocks is how far after a sentence with a closed list of
// cases the list's consent item is looked for.
const consentListBlocks = 12

var thirdPartyConsent = &engine.Rule{
	ID:       "appi/third-party-consent",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "法27条1項", EN: "APPI Art. 27(1)"},
	Title:    engine.Text{JA: "第三者提供の制限（本人同意）", EN: "No provision to third parties without consent"},
	Doc: engine.Text{
		JA: "個人データを本人の同意なく第三者に提供しないこと（法令で認められる場合を除く）を記載していることが期待されます。「同意を得た場合を除き第三者に提供しません」「次の場合を除き提供しません（本人の同意がある場合／法令に基づく場合…）」などがあれば記載ありとします。" +
			"第三者提供があり得ると書くだけで同意に触れない場合や、委託についてしか書いていない場合は記載なしです。",
		EN: "The policy is expected to say that personal data is not provided to third parties without the individual's consent, except where the law permits. " +
			"「同意を得た場合を除き第三者に提供しません」 or a closed list of cases that includes consent counts; saying only that data may be provided, or only describing outsourcing, does not.",
	},
	Missing: engine.Text{
		JA: "個人データを本人の同意なく第三者に提供しない旨が記載されていません（法27条1項）。「法令に基づく場合を除き、あらかじめ本人の同意を得ないで第三者に提供しません」と記載してください。",
		EN: "The policy does not say that personal data is not provided to third parties without consent (APPI Art. 27(1)). State that it is not provided without the individual's prior consent, except where the law permits.",
	},
	Fix: engine.Text{
		JA: "当社は、次の場合を除き、あらかじめご本人の同意を得ないで、個人データを第三者に提供しません。\n・法令に基づく場合\n・人の生命、身体又は財産の保護のために必要がある場合であって、ご本人の同意を得ることが困難であるとき\n・【その他、法27条1項各号・5項各号のうち該当する場合を記入】",
		EN: "Add a clause that personal data is not provided to third parties without the individual's prior consent, listing the statutory exceptions (Art. 27(1) items, and outsourcing, business succession and joint use under Art. 27(5)).",
	},
	Good: "当社は、法令に基づく場合を除き、あらかじめご本人の同意を得ることなく個人データを第三者に提供しません。",
	Bad:  "当社は、提携先に個人データを提供することがあります。",
	Run:  runThirdPartyConsent,
}

func runThirdPartyConsent(p *engine.Pass) {
	doc := p.Doc
	var evidence []*model.Sentence
	for _, s := range doc.Sentences {
		if !strings.Contains(s.Text, "第三者") || !thirdPartyProvisionPhrase.MatchString(s.Text) || provNotPersonal.MatchString(s.Text) ||
			provForeignOnly.MatchString(s.Text) && !strings.Contains(s.Text, "含") {
			continue
		}
		if provStatuteExplanation.MatchString(s.Text) {
			continue // 法27条5項3号は、…同意を得ないで…提供できることを定めています
		}
		if provisionConsent.MatchString(s.Text) {
			// 同意なく提供しません, 同意を得た場合に限り提供します, 提供する
			// 場合は同意を得ます; not 同意なく提供することがあります.
			if provisionNegated(s) || provConsentException.MatchString(s.Text) || consentRequired(s) {
				evidence = append(evidence, s)
			}
			continue
		}
		// 第三者に提供しません: no provision at all is stricter than the law.
		if refusesProvision(s) {
			evidence = append(evidence, s)
			continue
		}
		// 次の場合を除き、第三者に提供しません。・ご本人の同意がある場合…
		if !provClosedListIntro.MatchString(s.Text) {
			continue
		}
		if item := consentInList(doc, s); item != nil {
			evidence = append(evidence, s, item)
		}
	}
	if len(evidence) > 0 {
		p.OK(provSentenceSpans(evidence...)...)
		return
	}
	p.Missing(Anchor(doc, provThirdPartyTitle, provProvisionTitle))
}

// provisionNegated reports whether the clause whose predicate is the
// provision is negated (提供しません, 提供することはありません).
func provisionNegated(s *model.Sentence) bool {
	for _, loc := range thirdPartyProvisionPhrase.FindAllStringIndex(s.Text, -1) {
		if c := s.ClauseAt(s.Span.Start + loc[1] - 1); c != nil && c.Negated && !c.Conditional {
			return true
		}
		// The clause model reads a table row as one clause and misses the
		// negation that ends a cell.
		if s.Block.Kind == model.TableRow && cellNegation.MatchString(s.Text[loc[1]:]) {
			return true
		}
	}
	return false
}

// consentRequired: 第三者に提供する場合は、あらかじめ同意を得ます. Consent
// deemed given (同意したものとみなします) is not consent obtained.
func consentRequired(s *model.Sentence) bool {
	c := provConsentObtained.FindStringIndex(s.Text)
	p := thirdPartyProvisionPhrase.FindStringIndex(s.Text)
	return c != nil && p != nil && p[0] < c[0] && !provDeemedConsent.MatchString(s.Text)
}

// refusesProvision reports whether the operator says it does not provide
// personal data to third parties at all: a negated clause with the
// provision, not an instruction to contractors (提供しないよう監督します).
func refusesProvision(s *model.Sentence) bool {
	return !provOthersRefrain.MatchString(s.Text) && provisionNegated(s)
}

// consentInList finds the consent item of the list that follows s (the
// cases in which provision happens), before the next heading.
func consentInList(doc *model.Document, s *model.Sentence) *model.Sentence {
	b := s.Block
	for _, ns := range doc.SentencesOf(b) {
		if ns.Span.Start > s.Span.Start && provisionConsent.MatchString(ns.Text) {
			return ns
		}
	}
	for i := b.Index + 1; i < len(doc.Blocks) && i <= b.Index+consentListBlocks; i++ {
		nb := doc.Blocks[i]
		if nb.Kind == model.Heading && !(b.Kind == model.Heading && b.Section.Span.Contains(nb.Span)) {
			break
		}
		for _, ns := range doc.SentencesOf(nb) {
			if provisionConsent.MatchString(ns.Text) {
				return ns
			}
		}
	}
	return nil
}

// ---- appi/opt-out-items ----

var (
	// optOutMarker names the opt-out scheme of 法27条2項 (or its pre-2022
	// number, 23条2項).
	optOutMarker = rx.MustCompile(`オプトアウト|(?:法|個人情報保護法|個人情報の保護に関する法律)第?(?:27|23)条第?2項`)
	// optOutArticle cites 法27条2項 (or its pre-2022 number).
	optOutArticle = rx.MustCompile(`第?(?:27|23)条第?2項`)
	// optOutAdContext marks the opt-out of ads, cookies and analytics tools.
	optOutAdContext = rx.MustCompile(`(?i)cookie|クッキー|広告|ターゲティング|行動履歴|閲覧履歴|アドオン|ブラウザ|配信|analytics|アナリティクス|端末|SDK|タグ`)
	// optOutTitle is the title of a section about provision to others.
	optOutTitle = rx.MustCompile(`第三者|提供|オプトアウト`)
	// optOutProvision is the operator providing data to third parties.
	optOutProvision = rx.MustCompile(`提供(?:し|する|いた|致|させ|して|を(?:行|実施))`)
	// stopOnRequest is the hallmark of opt-out: provision stops at the
	// individual's request.
	stopOnRequest = rx.MustCompile(`求め(?:に応じ|があった場合|がある場合|により|を受け)[^。]{0,80}(?:停止|中止)`)

	// The six items 法27条2項 requires the policy to state.
	optOutPurpose  = rx.MustCompile(`第三者(?:へ|に)?の?提供を(?:利用)?目的と|第三者提供を(?:利用)?目的と|利用目的[^。]{0,30}第三者(?:へ|に)?の?提供`)
	optOutItemsRe  = rx.MustCompile(`提供(?:される|する)[^。、]{0,12}項目|提供(?:する|される)?(?:個人データ|個人情報|情報|データ)の?(?:項目|種類)|提供項目`)
	optOutObtained = rx.MustCompile(`(?:取得|収集|入手)(?:の)?(?:方法|手段)`)
	optOutHow      = rx.MustCompile(`提供(?:の)?(?:方法|手段)|(?:書面|電子媒体|電子メール|CD-ROM|DVD|記録媒体|オンライン|インターネット|郵送|手渡し)[^。]{0,20}(?:により|で|にて|による)[^。]{0,20}提供`)
	optOutAccept   = rx.MustCompile(`求めを受け付ける方法|受付(?:の)?方法|受付方法|(?:お申し?出|申出|求め)[^。]{0,30}(?:方法|窓口|受け付け|受付|宛|まで)|(?:窓口|連絡先|お問い合わせ先)[:\t]`)
	// optOutData names concrete data in the items list.
	optOutData = rx.MustCompile(`氏名|住所|電話|メール|生年月日|性別|年齢|職業|勤務先|履歴|属性|ID`)
)

var optOutItems = &engine.Rule{
	ID:          "appi/opt-out-items",
	Severity:    engine.Error,
	Article:     engine.Text{JA: "法27条2項", EN: "APPI Art. 27(2)"},
	Title:       engine.Text{JA: "オプトアウトによる第三者提供の記載事項", EN: "Items of opt-out provision"},
	Conditional: true,
	Trigger: engine.Text{
		JA: "オプトアウト（本人の求めに応じて提供を停止することを条件に、同意なく第三者に提供する方法、法27条2項）により個人データを第三者に提供すると記載していること。「オプトアウトによる第三者提供は行いません」は該当しません。",
		EN: "The policy says the operator provides personal data to third parties by opt-out (Art. 27(2)). 「オプトアウトによる第三者提供は行いません」 is not a trigger.",
	},
	Doc: engine.Text{
		JA: "オプトアウトにより第三者提供を行う場合、①第三者への提供を利用目的とすること、②提供される個人データの項目、③取得の方法、④提供の方法、⑤本人の求めに応じて提供を停止すること、⑥本人の求めを受け付ける方法を記載する必要があります。" +
			"六つすべてが具体的に記載されていれば記載ありとし、一つでも欠けていれば欠けている事項を報告します。",
		EN: "When personal data is provided to third parties by opt-out, the policy must state: (1) that provision to third parties is a purpose, (2) the data items, (3) how they are obtained, (4) how they are provided, (5) that provision stops at the individual's request, and (6) how requests are accepted. " +
			"Each item that is missing is reported.",
	},
	Missing: engine.Text{
		JA: "オプトアウトによる第三者提供について、法27条2項の記載事項が不足しています。第三者提供を利用目的とすること、提供する個人データの項目、取得の方法、提供の方法、求めに応じて提供を停止すること、求めを受け付ける方法を記載してください。",
		EN: "The opt-out provision lacks items required by APPI Art. 27(2): that provision is a purpose, the data items, how they are obtained, how they are provided, that provision stops on request, and how requests are accepted.",
	},
	Fix: engine.Text{
		JA: "当社は、法27条2項に基づき、以下のとおり個人データを第三者に提供します。\n1. 第三者への提供を利用目的とします。\n2. 提供する個人データの項目：【氏名、住所、電話番号など】\n3. 取得の方法：【取得方法】\n4. 提供の方法：【書面、電子媒体の送付など】\n5. ご本人の求めに応じて、ご本人が識別される個人データの第三者への提供を停止します。\n6. 求めを受け付ける方法：【窓口・連絡先】",
		EN: "State the six items of Art. 27(2) in the opt-out section: provision as a purpose, the items, how obtained, how provided, stopping on request, and how requests are accepted (and notify the PPC).",
	},
	Good: "5. ご本人の求めに応じて第三者への提供を停止します。6. 求めを受け付ける方法：下記窓口へのお電話",
	Bad:  "当社はオプトアウトにより個人データを第三者に提供することがあります。",
	Run:  runOptOutItems,
}

// optOutElement is one item of 法27条2項 with its pattern and name.
type optOutElement struct {
	re   *rx.Regexp
	name engine.Text
	data bool // the item must name concrete data (on its line or the next)
}

var optOutElements = []optOutElement{
	{optOutPurpose, engine.Text{JA: "第三者への提供を利用目的とすること", EN: "that provision to third parties is a purpose"}, false},
	{optOutItemsRe, engine.Text{JA: "提供される個人データの項目", EN: "the data items provided"}, true},
	{optOutObtained, engine.Text{JA: "取得の方法", EN: "how the data is obtained"}, false},
	{optOutHow, engine.Text{JA: "提供の方法", EN: "how the data is provided"}, false},
	{stopOnRequest, engine.Text{JA: "本人の求めに応じて提供を停止すること", EN: "that provision stops at the individual's request"}, false},
	{optOutAccept, engine.Text{JA: "本人の求めを受け付ける方法", EN: "how requests are accepted"}, false},
}

func runOptOutItems(p *engine.Pass) {
	doc := p.Doc
	trigger, region := findOptOut(doc)
	if trigger == nil {
		p.NA("オプトアウトによる第三者提供の記載がありません")
		return
	}
	var evidence []*model.Sentence
	var missing []engine.Text
	for _, e := range optOutElements {
		found := false
		for i, s := range region {
			if !e.re.MatchString(s.Text) || provPromised(s) {
				continue
			}
			if e.data && !optOutData.MatchString(s.Text) && (i+1 >= len(region) || !optOutData.MatchString(region[i+1].Text)) {
				continue
			}
			evidence = append(evidence, s)
			found = true
			break
		}
		if !found {
			missing = append(missing, e.name)
		}
	}
	if len(missing) == 0 {
		p.OK(provSentenceSpans(evidence...)...)
		return
	}
	var ja, en []string
	for _, m := range missing {
		ja = append(ja, m.JA)
		en = append(en, m.EN)
	}
	p.MissingWith(trigger.Span, engine.Text{
		JA: "オプトアウトによる第三者提供について、" + strings.Join(ja, "、") + "が記載されていません（法27条2項）。法27条2項各号の事項を具体的に記載してください。",
		EN: "The opt-out provision does not state " + strings.Join(en, ", ") + " (APPI Art. 27(2)). State each item of Art. 27(2) concretely.",
	})
}

// findOptOut finds the statement that the operator provides personal data
// by opt-out and the sentences where its items are looked for. The
// statement is a sentence that names the scheme (or the stop on request)
// and the provision, or a section about provision to third parties whose
// title names the scheme, or that says provision stops on request, and
// says the operator provides.
func findOptOut(doc *model.Document) (*model.Sentence, []*model.Sentence) {
	for _, s := range doc.Sentences {
		if strings.Contains(s.Text, "第三者") && !isAdOptOut(s.Text) && statesOptOut(s) && affirmsProvision(s) {
			return s, optOutRegion(doc, s)
		}
	}
	// Sections marked as opt-out: by their title, or by a stop on request
	// stated in them (both rare, so the sections are few).
	var marked []*model.Section
	seen := map[*model.Section]bool{}
	mark := func(sec *model.Section) {
		if !seen[sec] {
			seen[sec] = true
			marked = append(marked, sec)
		}
	}
	for _, sec := range doc.Sections {
		if sec.Head != nil && optOutMarker.MatchString(sec.Title) && optOutTitle.MatchString(strings.ReplaceAll(sec.Title, "オプトアウト", "")) && !isAdOptOut(sec.Title) {
			mark(sec)
		}
	}
	for _, s := range doc.Sentences {
		if !stopOnRequest.MatchString(s.Text) || isAdOptOut(s.Text) || !statesOptOut(s) {
			continue
		}
		for sec := s.Section(); sec != nil; sec = sec.Parent {
			if sec.Head != nil && optOutTitle.MatchString(sec.Title) {
				mark(sec)
				break
			}
		}
	}
	for _, sec := range marked {
		ss := SentencesIn(doc, []*model.Section{sec})
		for _, s := range ss {
			if affirmsProvision(s) {
				return s, ss
			}
		}
	}
	return nil, nil
}

// isAdOptOut reports whether an opt-out is that of ads, cookies or
// analytics (オプトアウトページ, Google Analyticsオプトアウトアドオン), not
// the 27条2項 scheme, unless the text cites the article.
func isAdOptOut(t string) bool {
	return optOutAdContext.MatchString(t) && !optOutArticle.MatchString(t)
}

// statesOptOut reports whether the sentence names the opt-out scheme or
// the stop on request as a fact, not as a condition (…停止することとして
// いる場合であって…ときは: the statute) nor negated.
func statesOptOut(s *model.Sentence) bool {
	for _, re := range []*rx.Regexp{optOutMarker, stopOnRequest} {
		for _, loc := range re.FindAllStringIndex(s.Text, -1) {
			if c := s.ClauseAt(s.Span.Start + loc[0]); c == nil || !c.Negated && !c.Conditional {
				return true
			}
		}
	}
	return false
}

// affirmsProvision reports whether the sentence says the operator provides
// data (提供します, 提供しています), not that it does not or would.
func affirmsProvision(s *model.Sentence) bool {
	for _, loc := range optOutProvision.FindAllStringIndex(s.Text, -1) {
		if c := s.ClauseAt(s.Span.Start + loc[0]); c == nil || !c.Negated && !c.Conditional && !c.Promise {
			return true
		}
	}
	return false
}

// optOutRegionBlocks bounds the region of an opt-out statement in a
// document without headings.
const optOutRegionBlocks = 30

// optOutRegion is where the opt-out items are looked for: the section of
// the trigger, else the blocks that follow it.
func optOutRegion(doc *model.Document, trigger *model.Sentence) []*model.Sentence {
	sec := trigger.Section()
	var out []*model.Sentence
	for _, s := range doc.Sentences {
		if sec.Head != nil {
			if sec.Span.Contains(s.Span) {
				out = append(out, s)
			}
			continue
		}
		if s.Span.Start < trigger.Span.Start {
			continue
		}
		if s.Block.Index > trigger.Block.Index+optOutRegionBlocks {
			break
		}
		out = append(out, s)
	}
	return out
}

// provPromised reports whether a sentence only promises to state something
// later.
func provPromised(s *model.Sentence) bool {
	for _, c := range s.Clauses {
		if c.Promise {
			return true
		}
	}
	return false
}

// ---- joint use (法27条5項3号) ----

var jointUseArticle = engine.Text{JA: "法27条5項3号", EN: "APPI Art. 27(5)(iii)"}

var jointUseTrigger = engine.Text{
	JA: "個人データを共同利用する（またはする場合がある）と記載していること（「共同利用します」「共同で利用させていただく場合があります」、共同利用の節で項目を列挙している場合を含む）。" +
		"第三者提供に当たらない場合の列挙として法の要件を言い換えているだけの文（「…共同して利用する場合であって…置いているとき」）、「共同利用は行っていません」、引用された他社の方針の中の記載は該当しません。",
	EN: "The policy says the operator does or may jointly use personal data (共同利用します, 共同で利用させていただく場合があります, or a joint-use section listing the items). " +
		"A paraphrase of the statute as a condition, a denial (共同利用は行っていません) or another business's policy quoted inside is not a trigger.",
}

var jointUseItems = &engine.Rule{
	ID:          "appi/joint-use-items",
	Severity:    engine.Error,
	Article:     jointUseArticle,
	Title:       engine.Text{JA: "共同利用される個人データの項目", EN: "Items of jointly used personal data"},
	Conditional: true,
	Trigger:     jointUseTrigger,
	Doc: engine.Text{
		JA: "共同利用する場合、共同して利用される個人データの項目を具体的に記載する必要があります（氏名、住所、電話番号、購入履歴など）。" +
			"「1. 取得する個人情報」記載の情報のように、具体的な一覧を指していれば記載ありとします。「お客様の個人情報」だけや、後日公表するという約束だけでは記載なしです。",
		EN: "When personal data is jointly used, the policy must state the data items concretely (name, address, phone number, purchase history…). " +
			"A reference to a concrete list elsewhere in the policy counts; 「お客様の個人情報」 alone, or a promise to publish the items later, does not.",
	},
	Missing: engine.Text{
		JA: "共同利用について、共同して利用される個人データの項目が具体的に記載されていません（法27条5項3号）。「共同して利用される個人データの項目：氏名、住所、電話番号…」のように記載してください。",
		EN: "The joint use does not state the jointly used data items concretely (APPI Art. 27(5)(iii)). List them, e.g. name, address, phone number.",
	},
	Fix: engine.Text{
		JA: "共同して利用される個人データの項目：【氏名、住所、電話番号、メールアドレス、購入履歴など】",
		EN: "Add the data items that are jointly used, listed concretely, or refer to the concrete list of collected data elsewhere in the policy.",
	},
	Good: "共同して利用される個人データの項目：氏名、住所、電話番号、購入履歴",
	Bad:  "当社は、お客様の個人情報をグループ会社と共同利用することがあります。",
	Run:  func(p *engine.Pass) { runJointUse(p, facts.JointItems) },
}

var jointUseScope = &engine.Rule{
	ID:          "appi/joint-use-scope",
	Severity:    engine.Error,
	Article:     jointUseArticle,
	Title:       engine.Text{JA: "共同して利用する者の範囲", EN: "Scope of joint users"},
	Conditional: true,
	Trigger:     jointUseTrigger,
	Doc: engine.Text{
		JA: "共同利用する場合、共同して利用する者の範囲を記載する必要があります。会社名を挙げるか、本人が誰が含まれるかを判断できる程度に範囲を特定していれば（当社の子会社、〇〇グループ各社、一覧へのリンク）記載ありとします。" +
			"「提携先」「パートナー企業」「共同利用会社」のように特定できない記載や、後日公表するという約束だけでは記載なしです。",
		EN: "When personal data is jointly used, the policy must state who the joint users are: named companies, or a group defined so that a person can tell who is in it (the operator's subsidiaries, a named group, a linked list). " +
			"「提携先」, 「パートナー企業」 or a promise to publish later does not count.",
	},
	Missing: engine.Text{
		JA: "共同利用について、共同して利用する者の範囲が特定されていません（法27条5項3号）。共同利用者の会社名、または本人が範囲を判断できる程度に特定した範囲（当社の子会社など）を記載してください。",
		EN: "The joint use does not identify who the joint users are (APPI Art. 27(5)(iii)). Name the companies, or define the group so that a person can tell who is in it.",
	},
	Fix: engine.Text{
		JA: "共同して利用する者の範囲：当社および【株式会社〇〇、株式会社△△】（または【当社の子会社（一覧：URL）】）",
		EN: "Add the scope of joint users: the companies by name, or a group a person can identify (the operator's subsidiaries with a link to the list).",
	},
	Good: "共同して利用する者の範囲：当社および株式会社サンプル",
	Bad:  "共同して利用する者の範囲：当社の提携先",
	Run:  func(p *engine.Pass) { runJointUse(p, facts.JointScope) },
}

var jointUsePurpose = &engine.Rule{
	ID:          "appi/joint-use-purpose",
	Severity:    engine.Error,
	Article:     jointUseArticle,
	Title:       engine.Text{JA: "共同利用する者の利用目的", EN: "Purposes of the joint users"},
	Conditional: true,
	Trigger:     jointUseTrigger,
	Doc: engine.Text{
		JA: "共同利用する場合、利用する者の利用目的を記載する必要があります。共同利用の節で利用目的を列挙するか、「2. 利用目的」に記載の目的と同じと明記していれば記載ありとします。" +
			"「目的の範囲内で」だけや、後日公表するという約束だけでは記載なしです。",
		EN: "When personal data is jointly used, the policy must state the joint users' purposes: a list in the joint-use section, or a reference to the purposes stated elsewhere. " +
			"「目的の範囲内で」 alone, or a promise to publish later, does not count.",
	},
	Missing: engine.Text{
		JA: "共同利用について、利用する者の利用目的が記載されていません（法27条5項3号）。「利用する者の利用目的：…のため」のように記載してください。",
		EN: "The joint use does not state the joint users' purposes (APPI Art. 27(5)(iii)). State them, e.g. 「利用する者の利用目的：…のため」.",
	},
	Fix: engine.Text{
		JA: "利用する者の利用目的：【商品の発送、アフターサービスの提供、新商品のご案内など】",
		EN: "Add the purposes for which the joint users use the data, or state that they are the purposes listed in the policy's purposes section.",
	},
	Good: "利用する者の利用目的：商品の発送およびアフターサービスの提供のため",
	Bad:  "当社は、目的の範囲内で共同利用会社と個人情報を共同利用します。",
	Run:  func(p *engine.Pass) { runJointUse(p, facts.JointPurpose) },
}

var jointUseManager = &engine.Rule{
	ID:          "appi/joint-use-manager",
	Severity:    engine.Error,
	Article:     jointUseArticle,
	Title:       engine.Text{JA: "共同利用の管理責任者の名称", EN: "Name of the joint-use manager"},
	Conditional: true,
	Trigger:     jointUseTrigger,
	Doc: engine.Text{
		JA: "共同利用する場合、当該個人データの管理について責任を有する者の氏名又は名称を記載する必要があります。事業者の名称（当社を含む）を挙げていれば記載ありとします。" +
			"管理責任者に触れていない場合や、後日公表するという約束だけでは記載なしです。",
		EN: "When personal data is jointly used, the policy must name the business responsible for managing it. A business's name (or the operator itself, 当社) counts; " +
			"silence or a promise to publish later does not.",
	},
	Missing: engine.Text{
		JA: "共同利用について、個人データの管理について責任を有する者の氏名又は名称が記載されていません（法27条5項3号）。「管理について責任を有する者：【会社名】」のように記載してください。",
		EN: "The joint use does not name the business responsible for managing the data (APPI Art. 27(5)(iii)). Name it, e.g. 「管理について責任を有する者：【会社名】」.",
	},
	Fix: engine.Text{
		JA: "当該個人データの管理について責任を有する者：【会社名】\n住所：【住所】\n代表者：【代表者の役職・氏名】",
		EN: "Add the name of the business responsible for the jointly used data, with its address and its representative's name.",
	},
	Good: "個人データの管理について責任を有する者：株式会社サンプル",
	Bad:  "当社は、グループ会社と個人情報を共同利用します。",
	Run:  func(p *engine.Pass) { runJointUse(p, facts.JointManager) },
}

var jointUseManagerAddress = &engine.Rule{
	ID:          "appi/joint-use-manager-address",
	Severity:    engine.Error,
	Article:     jointUseArticle,
	Title:       engine.Text{JA: "共同利用の管理責任者の住所", EN: "Address of the joint-use manager"},
	Conditional: true,
	Trigger:     jointUseTrigger,
	Doc: engine.Text{
		JA: "共同利用する場合、管理について責任を有する者の住所を記載する必要があります（2022年4月1日施行）。管理責任者と並べて住所を記載しているか、管理責任者が当社自身で当社の住所が方針中に記載されていれば記載ありとします。" +
			"管理責任者が記載されていない場合は住所も記載なしです。",
		EN: "When personal data is jointly used, the policy must state the responsible business's address (since 2022-04-01). It counts when given with the manager, or when the manager is the operator and the operator's address appears elsewhere in the policy. " +
			"Without a named manager the address is missing too.",
	},
	Missing: engine.Text{
		JA: "共同利用について、管理について責任を有する者の住所が記載されていません（法27条5項3号）。管理責任者の名称とともに住所を記載してください。",
		EN: "The joint use does not state the responsible business's address (APPI Art. 27(5)(iii)). Give it with the manager's name.",
	},
	Fix: engine.Text{
		JA: "当該個人データの管理について責任を有する者：【会社名】\n住所：〒【郵便番号】【住所】",
		EN: "Add the street address of the business responsible for the jointly used data next to its name.",
	},
	Good: "管理責任者：株式会社サンプル（東京都千代田区千代田1-1-1）",
	Bad:  "管理責任者：株式会社サンプル",
	Run:  func(p *engine.Pass) { runJointUse(p, jointAddress) },
}

var jointUseManagerRepresentative = &engine.Rule{
	ID:          "appi/joint-use-manager-representative",
	Severity:    engine.Error,
	Article:     jointUseArticle,
	Title:       engine.Text{JA: "共同利用の管理責任者の代表者の氏名", EN: "Representative of the joint-use manager"},
	Conditional: true,
	Trigger:     jointUseTrigger,
	Doc: engine.Text{
		JA: "共同利用する場合、管理について責任を有する者が法人であればその代表者の氏名を記載する必要があります（2022年4月1日施行）。管理責任者と並べて代表者の氏名を記載しているか、管理責任者が当社自身で当社の代表者の氏名が方針中に記載されていれば記載ありとします。" +
			"管理責任者が個人であれば不要です。管理責任者が記載されていない場合は記載なしです。",
		EN: "When personal data is jointly used and the responsible business is a corporation, the policy must state its representative's name (since 2022-04-01). It counts when given with the manager, or when the manager is the operator and the operator's representative appears elsewhere in the policy. " +
			"A natural person as manager needs none; without a named manager it is missing.",
	},
	Missing: engine.Text{
		JA: "共同利用について、管理について責任を有する者の代表者の氏名が記載されていません（法27条5項3号）。管理責任者の名称とともに「代表取締役 【氏名】」のように代表者の氏名を記載してください。",
		EN: "The joint use does not state the responsible corporation's representative's name (APPI Art. 27(5)(iii)). Give it with the manager's name, e.g. 「代表取締役 【氏名】」.",
	},
	Fix: engine.Text{
		JA: "当該個人データの管理について責任を有する者：【会社名】\n代表者：代表取締役 【氏名】",
		EN: "Add the representative's title and name of the corporation responsible for the jointly used data.",
	},
	Good: "管理責任者：株式会社サンプル 代表取締役 山田太郎",
	Bad:  "管理責任者：株式会社サンプル",
	Run:  func(p *engine.Pass) { runJointUse(p, jointRepresentative) },
}

// The manager's address and representative are checked by their own rules
// but are not separate items of the statute's list: they extend
// facts.JointUseItem here.
const (
	jointAddress        = facts.JointManager + 10
	jointRepresentative = facts.JointManager + 11
)

// runJointUse checks one joint-use item.
func runJointUse(p *engine.Pass, item facts.JointUseItem) {
	ju := p.Facts.JointUse
	if !ju.Declared {
		p.NA("共同利用の記載がありません")
		return
	}
	var got []facts.JointStatement
	switch item {
	case facts.JointItems:
		got = ju.Items
	case facts.JointScope:
		got = ju.Scope
	case facts.JointPurpose:
		got = ju.Purpose
	case facts.JointManager:
		got = ju.Manager
	case jointAddress:
		got = ju.ManagerAddress
	case jointRepresentative:
		got = ju.ManagerRepresentative
		if len(got) == 0 && ju.ManagerIndividual {
			got = ju.Manager // a natural person has no representative
		}
	}
	if len(got) > 0 {
		var ss []*model.Sentence
		for _, st := range got {
			ss = append(ss, st.Sentences...)
		}
		p.OK(provSentenceSpans(ss...)...)
		return
	}
	switch {
	case len(ju.Promises) > 0:
		p.MissingWith(ju.Promises[0].Span, engine.Text{
			JA: p.Rule.Missing.JA + "後日公表する旨の記載だけでは足りません。",
			EN: p.Rule.Missing.EN + " A promise to publish it later is not enough.",
		})
	case item == facts.JointScope && len(ju.VagueScope) > 0:
		v := ju.VagueScope[0]
		p.MissingWith(v.Span, engine.Text{
			JA: "共同して利用する者の範囲「" + provClip(v.Value, 40) + "」では、本人が誰が含まれるかを判断できません（法27条5項3号）。会社名を挙げるか、範囲を特定してください。",
			EN: "The scope of joint users 「" + provClip(v.Value, 40) + "」 does not let a person tell who is in it (APPI Art. 27(5)(iii)). Name the companies or define the group.",
		})
	case item == facts.JointItems && len(ju.VagueItems) > 0:
		v := ju.VagueItems[0]
		p.MissingWith(v.Span, engine.Text{
			JA: "共同して利用される個人データの項目「" + provClip(v.Value, 40) + "」が具体的ではありません（法27条5項3号）。氏名、住所、電話番号のように項目を列挙してください。",
			EN: "The jointly used data items 「" + provClip(v.Value, 40) + "」 are not concrete (APPI Art. 27(5)(iii)). List the items, e.g. name, address, phone number.",
		})
	default:
		p.Missing(jointUseAnchor(p.Doc, ju))
	}
}

// jointUseAnchor is where a missing joint-use item belongs: the joint-use
// section, else the sentence that declares joint use.
func jointUseAnchor(doc *model.Document, ju facts.JointUse) model.Span {
	for _, sec := range ju.Sections {
		if len(ju.Triggers) == 0 || sec.Head.Span.Start <= ju.Triggers[0].Span.Start {
			return sec.Head.Span
		}
	}
	if len(ju.Triggers) > 0 {
		return ju.Triggers[0].Span
	}
	return Anchor(doc, jointUseTitle)
}

// provClip shortens a value for a message.
func provClip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// provSentenceSpans returns the spans of the distinct sentences, in order.
func provSentenceSpans(ss ...*model.Sentence) []model.Span {
	seen := map[*model.Sentence]bool{}
	var out []model.Span
	for _, s := range ss {
		if s != nil && !seen[s] {
			seen[s] = true
			out = append(out, s.Span)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
