package rules

import (
	"sort"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Operator identity: 法32条1項1号 requires the name, the address and, for a
// corporation, the representative's name. All three are read from
// facts.Operator, which knows where each statement is.

var operatorRules = []*engine.Rule{operatorName, operatorAddress, operatorRepresentative}

var operatorArticle = engine.Text{JA: "法32条1項1号", EN: "APPI Art. 32(1)(i)"}

var (
	// operatorSectionTitle is a section that states who the operator is.
	operatorSectionTitle = rx.MustCompile(`事業者の?(?:名称|氏名|住所|情報)|個人情報取扱事業者|会社概要|会社情報|運営者|運営会社|事業者情報|名称|所在地|住所|代表者`)
	// contactSectionTitle is a section that gives the operator's contact.
	contactSectionTitle = rx.MustCompile(`問い?合わ?せ|問合せ|窓口|連絡先|苦情|相談`)
)

var operatorName = &engine.Rule{
	ID:       "appi/operator-name",
	Severity: engine.Error,
	Article:  operatorArticle,
	Title:    engine.Text{JA: "事業者の氏名又は名称", EN: "Operator's name"},
	Doc: engine.Text{
		JA: "個人情報取扱事業者の氏名又は名称を記載する必要があります。法人名（株式会社〇〇、〇〇合同会社、一般社団法人〇〇など）、団体名、または個人事業者の氏名があれば記載ありとします。" +
			"サービス名・サイト名・ブランド名・プロジェクト名だけでは事業者の名称になりません。",
		EN: "The policy must state the business's own name (氏名又は名称). A legal entity's name (株式会社…, …合同会社, 一般社団法人…), an organisation's name or a sole proprietor's own name counts. " +
			"A service, site, brand or project name alone does not name the operator.",
	},
	Missing: engine.Text{
		JA: "事業者の氏名又は名称が記載されていません（法32条1項1号）。冒頭の定義文などに「株式会社【会社名】（以下「当社」といいます。）」のように正式な名称（個人事業者は氏名）を記載してください。",
		EN: "The operator's name is not stated (APPI Art. 32(1)(i)). State the legal name (for a sole proprietor, the person's name), e.g. in the opening definition 「株式会社…（以下「当社」といいます。）」.",
	},
	Fix: engine.Text{
		JA: "【会社名】（以下「当社」といいます。）は、お客様の個人情報を以下のとおり取り扱います。",
		EN: "Open the policy with the operator's legal name and define the short name used afterwards: 「【会社名】（以下「当社」といいます。）は、…」. A sole proprietor writes his or her own name.",
	},
	Good: "株式会社サンプル（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。",
	Bad:  "サンプルアプリ（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。",
	Run:  runOperatorName,
}

func runOperatorName(p *engine.Pass) {
	op := p.Facts.Operator
	if len(op.Names) > 0 {
		ss := make([]*model.Sentence, 0, len(op.Names))
		for _, n := range op.Names {
			ss = append(ss, n.Sentence)
		}
		p.OK(uniqueSentenceSpans(ss...)...)
		return
	}
	d := op.Definition
	switch {
	case d != nil && facts.IsBlankName(d.Name):
		// 【会社名】（以下「当社」）: the name is drafted and left blank;
		// appi/placeholder reports the blank.
		p.OK(d.Sentence.Span)
	case d != nil && d.Name == "":
		p.MissingWith(d.Span, engine.Text{
			JA: "「（以下「" + d.Short + "」…）」の前に事業者の名称が入っていません（法32条1項1号）。法人名（個人事業者は氏名）を記載してください。",
			EN: "The name before 「（以下「" + d.Short + "」…）」 is blank (APPI Art. 32(1)(i)). Write the operator's legal name (for a sole proprietor, the person's name).",
		})
	case d != nil && d.Placeholder:
		p.MissingWith(d.Span, engine.Text{
			JA: "事業者の名称が「" + d.Name + "」のまま記入されていません（法32条1項1号）。正式な法人名（個人事業者は氏名）を記載してください。",
			EN: "The operator's name is left as the template's 「" + d.Name + "」 (APPI Art. 32(1)(i)). Write the legal name (for a sole proprietor, the person's name).",
		})
	case d != nil:
		p.MissingWith(d.Span, engine.Text{
			JA: "「" + d.Name + "」はサービス名・サイト名・ブランド名であり、事業者の氏名又は名称ではありません（法32条1項1号）。法人名（株式会社【会社名】など）または個人事業者の氏名を記載してください。",
			EN: "「" + d.Name + "」 is a service, site or brand name, not the operator's name (APPI Art. 32(1)(i)). State the legal entity's name or, for a sole proprietor, the person's name.",
		})
	default:
		p.Missing(Anchor(p.Doc, operatorSectionTitle))
	}
}

var operatorAddress = &engine.Rule{
	ID:       "appi/operator-address",
	Severity: engine.Error,
	Article:  operatorArticle,
	Title:    engine.Text{JA: "事業者の住所", EN: "Operator's address"},
	Doc: engine.Text{
		JA: "個人情報取扱事業者の住所（2022年4月1日施行）を記載する必要があります。〒の有無を問わず、番地まである所在地があれば記載ありとします。" +
			"メールアドレス・電話番号・URLだけでは住所になりません。認定個人情報保護団体など他の事業者の住所は数えません。",
		EN: "The policy must state the operator's address (required since 2022-04-01): a street address down to the street number, with or without 〒. " +
			"An e-mail address, phone number or URL alone is not an address; another body's address (an accredited body's, a contractor's) does not count.",
	},
	Missing: engine.Text{
		JA: "事業者の住所が記載されていません（法32条1項1号）。メールアドレス・電話番号・URLは住所に代わりません。本社などの所在地を番地まで記載してください。",
		EN: "The operator's address is not stated (APPI Art. 32(1)(i)). An e-mail address, phone number or URL does not replace it: give the street address of the head office.",
	},
	Fix: engine.Text{
		JA: "名称：【会社名】\n住所：〒【郵便番号】 【都道府県・市区町村・番地・建物名】",
		EN: "Add the operator's street address (postal code, prefecture, city, street number, building), e.g. next to the name in the contact or operator section.",
	},
	Good: "住所：〒100-0001 東京都千代田区千代田1-1-1",
	Bad:  "お問い合わせ：privacy@example.co.jp",
	Run:  runOperatorAddress,
}

func runOperatorAddress(p *engine.Pass) {
	op := p.Facts.Operator
	if len(op.Addresses) > 0 {
		ss := make([]*model.Sentence, 0, len(op.Addresses))
		for _, a := range op.Addresses {
			ss = append(ss, a.Sentence)
		}
		p.OK(uniqueSentenceSpans(ss...)...)
		return
	}
	p.Missing(operatorAnchor(p))
}

var operatorRepresentative = &engine.Rule{
	ID:       "appi/operator-representative",
	Severity: engine.Error,
	Article:  operatorArticle,
	Title:    engine.Text{JA: "代表者の氏名", EN: "Representative's name"},
	Doc: engine.Text{
		JA: "法人の場合は代表者の氏名（代表取締役 山田太郎、代表者：山田太郎など）を記載する必要があります（2022年4月1日施行）。" +
			"肩書（代表取締役）だけ、または個人情報保護管理者の氏名だけでは記載なしとします。個人事業者の場合は事業者本人の氏名で足ります。",
		EN: "For a corporation, the policy must state the representative's name (代表取締役 山田太郎, 代表者：山田太郎; required since 2022-04-01). " +
			"A title without a name, or only the privacy manager's name, is missing. For a sole proprietor the operator's own name serves.",
	},
	Missing: engine.Text{
		JA: "代表者の氏名が記載されていません（法32条1項1号）。「代表取締役 【氏名】」のように代表者の肩書と氏名を記載してください。",
		EN: "The representative's name is not stated (APPI Art. 32(1)(i)). Give the representative's title and name, e.g. 「代表取締役 【氏名】」.",
	},
	Fix: engine.Text{
		JA: "名称：【会社名】\n代表者：代表取締役 【代表者氏名】",
		EN: "Add the representative's title and full name next to the operator's name (代表取締役 and the name). A sole proprietor states his or her own name as the operator.",
	},
	Good: "株式会社サンプル 代表取締役 山田太郎",
	Bad:  "代表者：代表取締役",
	Run:  runOperatorRepresentative,
}

func runOperatorRepresentative(p *engine.Pass) {
	op := p.Facts.Operator
	if len(op.Representatives) > 0 {
		var ss []*model.Sentence
		for _, r := range op.Representatives {
			ss = append(ss, r.Sentence, sentenceContaining(p.Doc, r.Span.Start))
		}
		p.OK(uniqueSentenceSpans(ss...)...)
		return
	}
	if op.Individual {
		// A sole proprietor's own name is the representative's name.
		var ss []*model.Sentence
		for _, n := range op.Names {
			if n.Kind == facts.Individual {
				ss = append(ss, n.Sentence)
			}
		}
		p.OK(uniqueSentenceSpans(ss...)...)
		return
	}
	switch {
	case len(op.BareTitles) > 0:
		p.MissingWith(op.BareTitles[0], engine.Text{
			JA: "代表者の肩書はありますが氏名が記載されていません（法32条1項1号）。「代表取締役 【氏名】」のように氏名まで記載してください。",
			EN: "The representative's title is given without a name (APPI Art. 32(1)(i)). Add the name after the title, e.g. 「代表取締役 【氏名】」.",
		})
	case len(op.Names) == 0 && (op.Definition == nil || !facts.IsBlankName(op.Definition.Name)):
		p.MissingWith(operatorAnchor(p), engine.Text{
			JA: "事業者の名称も代表者の氏名も記載されていません（法32条1項1号）。法人は名称と代表者の氏名を、個人事業者は本人の氏名を記載してください。",
			EN: "Neither the operator's name nor a representative's name is stated (APPI Art. 32(1)(i)). A corporation states its name and its representative's name; a sole proprietor states his or her own name.",
		})
	default:
		p.Missing(operatorAnchor(p))
	}
}

// operatorAnchor is where a missing operator detail belongs: the section
// about the operator, else the contact section, else the sentence that
// names the operator, else the document start.
func operatorAnchor(p *engine.Pass) model.Span {
	if secs := Sections(p.Doc, operatorSectionTitle); len(secs) > 0 {
		return secs[0].Head.Span
	}
	if secs := Sections(p.Doc, contactSectionTitle); len(secs) > 0 {
		return secs[len(secs)-1].Head.Span
	}
	op := p.Facts.Operator
	if d := op.Definition; d != nil {
		return d.Sentence.Span
	}
	if len(op.Names) > 0 {
		return op.Names[0].Sentence.Span
	}
	return Anchor(p.Doc)
}

// uniqueSentenceSpans returns the spans of the sentences, without nils or
// duplicates, in document order.
func uniqueSentenceSpans(ss ...*model.Sentence) []model.Span {
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

// sentenceContaining returns the sentence containing the byte offset, or nil.
func sentenceContaining(doc *model.Document, off int) *model.Sentence {
	i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].Span.End > off })
	if i < len(doc.Sentences) && doc.Sentences[i].Span.Start <= off {
		return doc.Sentences[i]
	}
	return nil
}
