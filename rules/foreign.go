package rules

import (
	"sort"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Provision to a third party in a foreign country (catalog section 8):
// 法28条2項, 規則17条2項; and the understanding of the foreign environment
// among the safety measures (catalog section 4): 法23条, 令10条1号,
// guidelines 10-7, Q&A 10-22〜10-25.
//
// All four rules are conditional and read facts.Foreign: the 28条 rules
// apply when the policy says personal data is or may be provided to a third
// party abroad (a foreign contractor or cloud provider that handles the data
// included); safety-foreign-environment applies when personal data is
// stored or handled abroad, which includes storage on a foreign cloud.

var foreignRules = []*engine.Rule{foreignCountry, foreignSystem, foreignMeasures, safetyForeignEnvironment}

var (
	foreignTrigger = engine.Text{
		JA: "個人データを外国にある第三者に提供する、又は提供する場合があると記載していること（外国にある第三者、海外の委託先、第三者（日本国外にある者を含みます。）、米国の業務委託先など、データを取り扱う外国の委託先・クラウド事業者への委託を含む）。" +
			"「外国にある第三者には提供しません」のような否定文、法令の言い換えにすぎない条件文、外部送信タグの提供元として外国企業名を挙げるだけの記載は該当しません。",
		EN: "The policy says personal data is or may be provided to a third party in a foreign country, including entrusting it to a foreign contractor or cloud provider that handles it (外国にある第三者, 海外の委託先, 日本国外にある者を含みます, 米国の業務委託先). " +
			"A negated statement, a condition that paraphrases the statute, or a foreign company named only as the source of an analytics tag is not a trigger.",
	}
	// foreignAnchorTitles are the headings a finding points at when no
	// trigger sentence is at hand.
	foreignAnchorTitles = []*rx.Regexp{
		rx.MustCompile(`外国|海外|国外`),
		rx.MustCompile(`第三者(?:へ|に)?(?:の)?提供`),
	}
	foreignSafetyAnchorTitles = []*rx.Regexp{
		rx.MustCompile(`外的環境`),
		rx.MustCompile(`安全管理`),
	}
)

var foreignCountry = &engine.Rule{
	ID:          "appi/foreign-country",
	Severity:    engine.Error,
	Article:     engine.Text{JA: "法28条2項、規則17条2項1号", EN: "APPI Art. 28(2); Rules Art. 17(2)(i)"},
	Title:       engine.Text{JA: "外国にある第三者への提供：移転先の国名", EN: "Foreign provision: name of the country"},
	Conditional: true,
	Trigger:     foreignTrigger,
	Doc: engine.Text{
		JA: "外国にある第三者に個人データを提供する場合、本人が知り得る情報として移転先の国の名称（米国、EU加盟国など）を示す必要があります（規則17条2項1号）。" +
			"国名があれば記載あり、国を特定できない場合はその旨と理由が書かれていれば記載ありとします。「海外の委託先」「外国にある第三者」だけでは国名になりません。",
		EN: "When personal data goes to a third party abroad, the policy must name the country (米国, EU加盟国 …) (Rules Art. 17(2)(i)). " +
			"A country name counts, and so does a statement that the country cannot be identified, with the reason. 海外の委託先 or 外国にある第三者 alone names no country.",
	},
	Missing: engine.Text{
		JA: "外国にある第三者への提供が記載されていますが、移転先の国名がありません（法28条2項、規則17条2項1号）。提供先の所在国（例：米国）を記載するか、特定できない場合はその旨と理由を記載してください。",
		EN: "Provision to a third party abroad is stated, but the country is not named (APPI Art. 28(2); Rules Art. 17(2)(i)). Name the recipient's country (e.g. 米国), or say that it cannot be identified and why.",
	},
	Fix: engine.Text{
		JA: "当社は、【提供する個人データの項目】を、【国名】に所在する【提供先・委託先の名称又は種類】に提供しています。",
		EN: "Name the country where the recipient is (e.g. 「米国に所在するクラウド事業者」), or, when it cannot be identified yet, say so and give the reason.",
	},
	Good: "当社は、顧客情報の管理を米国に所在する委託先に委託しています。",
	Bad:  "当社は、顧客情報の管理を海外の委託先に委託する場合があります。",
	Run:  runForeignCountry,
}

var foreignSystem = &engine.Rule{
	ID:          "appi/foreign-system",
	Severity:    engine.Error,
	Article:     engine.Text{JA: "法28条2項、規則17条2項2号", EN: "APPI Art. 28(2); Rules Art. 17(2)(ii)"},
	Title:       engine.Text{JA: "外国にある第三者への提供：移転先国の個人情報保護制度", EN: "Foreign provision: the country's protection system"},
	Conditional: true,
	Trigger:     foreignTrigger,
	Doc: engine.Text{
		JA: "外国にある第三者に個人データを提供する場合、移転先の国の個人情報の保護に関する制度についての情報を示す必要があります（規則17条2項2号）。" +
			"制度の概要、または個人情報保護委員会の「外国における個人情報の保護に関する制度等の調査」などの参照先があれば記載ありとします。「日本及び米国の法律に従います」だけでは制度の情報になりません。",
		EN: "When personal data goes to a third party abroad, the policy must inform about that country's system for protecting personal information (Rules Art. 17(2)(ii)). " +
			"A summary, or a reference such as the PPC's 外国における個人情報の保護に関する制度等の調査, counts; 'processed under the laws of Japan and the US' does not.",
	},
	Missing: engine.Text{
		JA: "外国にある第三者への提供が記載されていますが、移転先国の個人情報保護制度に関する情報がありません（法28条2項、規則17条2項2号）。制度の概要を記載するか、個人情報保護委員会の調査結果などの参照先を示してください。",
		EN: "Provision to a third party abroad is stated, but nothing is said about the country's personal-information protection system (APPI Art. 28(2); Rules Art. 17(2)(ii)). Summarise it or refer to the PPC's survey.",
	},
	Fix: engine.Text{
		JA: "【国名】における個人情報の保護に関する制度の概要は、個人情報保護委員会のウェブサイト（外国における個人情報の保護に関する制度等の調査）【URL】をご確認ください。【制度の概要】",
		EN: "Add a short summary of the recipient country's protection system, or a reference to the PPC's survey 外国における個人情報の保護に関する制度等の調査 with its URL.",
	},
	Good: "米国の個人情報保護制度については、個人情報保護委員会の「外国における個人情報の保護に関する制度等の調査」をご参照ください。",
	Bad:  "提供先での取扱いは米国の法律に従います。",
	Run:  runForeignSystem,
}

var foreignMeasures = &engine.Rule{
	ID:          "appi/foreign-measures",
	Severity:    engine.Error,
	Article:     engine.Text{JA: "法28条2項、規則17条2項3号", EN: "APPI Art. 28(2); Rules Art. 17(2)(iii)"},
	Title:       engine.Text{JA: "外国にある第三者への提供：提供先が講ずる措置", EN: "Foreign provision: the recipient's measures"},
	Conditional: true,
	Trigger:     foreignTrigger,
	Doc: engine.Text{
		JA: "外国にある第三者に個人データを提供する場合、当該第三者が講ずる個人情報の保護のための措置に関する情報を示す必要があります（規則17条2項3号）。" +
			"相当措置、提供先の安全管理措置、契約（データ処理契約、標準契約条項など）による義務付けなど、提供先の側の措置が書かれていれば記載ありとします。",
		EN: "When personal data goes to a third party abroad, the policy must inform about the measures the recipient takes to protect it (Rules Art. 17(2)(iii)). " +
			"Equivalent measures (相当措置), the recipient's safety measures, or duties imposed by contract (a data processing agreement, standard contractual clauses) count.",
	},
	Missing: engine.Text{
		JA: "外国にある第三者への提供が記載されていますが、提供先が講ずる個人情報保護のための措置の記載がありません（法28条2項、規則17条2項3号）。契約による義務付けや提供先の安全管理措置などを記載してください。",
		EN: "Provision to a third party abroad is stated, but not the measures the recipient takes to protect the data (APPI Art. 28(2); Rules Art. 17(2)(iii)). Describe them, e.g. contractual duties or the recipient's safety measures.",
	},
	Fix: engine.Text{
		JA: "当社は、【提供先の名称】との間で、個人データの取扱いに関する契約を締結し、【提供先の名称】に対し、【講ずる措置の内容（安全管理措置、目的外利用の禁止、再提供の制限など）】を義務付けています。",
		EN: "Describe the recipient's protective measures, e.g. the contract the operator concluded with it and the duties it imposes (safety measures, no use beyond the purpose, no onward transfer).",
	},
	Good: "提供先との間で、安全管理措置の実施と目的外利用の禁止を定めた契約を締結しています。",
	Bad:  "当社は、個人データを米国の委託先に提供することがあります。",
	Run:  runForeignMeasures,
}

var safetyForeignEnvironment = &engine.Rule{
	ID:          "appi/safety-foreign-environment",
	Severity:    engine.Error,
	Article:     engine.Text{JA: "法23条、令10条1号、ガイドライン（通則編）10-7、Q&A 10-22〜10-25", EN: "APPI Art. 23; Order Art. 10(i); PPC Guidelines 10-7; Q&A 10-22 to 10-25"},
	Title:       engine.Text{JA: "外的環境の把握", EN: "Understanding the foreign environment"},
	Conditional: true,
	Trigger: engine.Text{
		JA: "個人データを外国で保管し又は取り扱うと記載していること（外国・海外のサーバ／クラウド、米国等のデータホスティング、外国にある委託先など）。",
		EN: "The policy says personal data is stored or handled in a foreign country (a foreign server or cloud, data hosting in the US, a contractor abroad).",
	},
	Doc: engine.Text{
		JA: "外国で個人データを取り扱う場合、講じた安全管理措置として、当該外国の名称を明らかにし、その国の個人情報の保護に関する制度等を把握した上で措置を講じたことを示す必要があります（外的環境の把握、ガイドライン10-7、Q&A 10-22〜10-25）。" +
			"国名と、制度の把握（制度の概要・参照先、又は「制度等を把握した上で」）の両方があれば記載ありとします。",
		EN: "When personal data is handled abroad, the published safety measures must name the country and say the measures were taken after understanding its protection system (外的環境の把握, Guidelines 10-7, Q&A 10-22 to 10-25). " +
			"Both the country and that understanding (a summary or reference, or 'after understanding the system') are required.",
	},
	Missing: engine.Text{
		JA: "個人データを外国で保管・取り扱うことが記載されていますが、外的環境の把握（当該国の名称と、その国の個人情報保護制度を把握した上で安全管理措置を講じていること）の記載がありません（法23条、令10条1号、ガイドライン10-7）。",
		EN: "Personal data is stored or handled abroad, but the policy does not name the country and say the measures were taken after understanding its protection system (APPI Art. 23; Order Art. 10(i); Guidelines 10-7).",
	},
	Fix: engine.Text{
		JA: "（外的環境の把握）当社は、【国名】において個人データを保管しており、【国名】における個人情報の保護に関する制度を把握した上で安全管理措置を実施しています。",
		EN: "Add an item 外的環境の把握 to the safety measures: name the country where the data is stored or handled and say the measures were taken after understanding its protection system.",
	},
	Good: "当社は、米国に所在するクラウド事業者のサーバに個人データを保管しており、米国の個人情報保護制度を把握した上で安全管理措置を実施しています。",
	Bad:  "当社は、海外のクラウドサーバに個人データを保管することがあります。",
	Run:  runSafetyForeignEnvironment,
}

func runForeignCountry(p *engine.Pass) {
	f := p.Facts.Foreign
	if len(f.Provision) == 0 {
		p.NA("外国にある第三者への提供の記載がありません")
		return
	}
	if len(f.Countries) > 0 || len(f.Unidentified) > 0 {
		p.OK(foreignSpans(mentionSpans(f.Countries), f.Unidentified)...)
		return
	}
	p.Missing(foreignAnchor(p.Doc, f.Provision, foreignAnchorTitles))
}

func runForeignSystem(p *engine.Pass) {
	f := p.Facts.Foreign
	if len(f.Provision) == 0 {
		p.NA("外国にある第三者への提供の記載がありません")
		return
	}
	if len(f.System) > 0 {
		p.OK(foreignSpans(f.System)...)
		return
	}
	p.Missing(foreignAnchor(p.Doc, f.Provision, foreignAnchorTitles))
}

func runForeignMeasures(p *engine.Pass) {
	f := p.Facts.Foreign
	if len(f.Provision) == 0 {
		p.NA("外国にある第三者への提供の記載がありません")
		return
	}
	if len(f.Measures) > 0 {
		p.OK(foreignSpans(f.Measures)...)
		return
	}
	p.Missing(foreignAnchor(p.Doc, f.Provision, foreignAnchorTitles))
}

func runSafetyForeignEnvironment(p *engine.Pass) {
	f := p.Facts.Foreign
	if len(f.Handling) == 0 {
		p.NA("外国での個人データの保管・取扱いの記載がありません")
		return
	}
	// Both halves are needed: the named country, and the understanding of
	// its system (its summary or reference, or 制度等を把握した上で).
	if len(f.Countries) > 0 && len(f.System)+len(f.Environment) > 0 {
		p.OK(foreignSpans(mentionSpans(f.Countries), f.System, f.Environment)...)
		return
	}
	p.Missing(foreignAnchor(p.Doc, f.Handling, foreignSafetyAnchorTitles))
}

// foreignAnchor points a finding at the first trigger sentence; the
// section titles are a fallback for a trigger without a sentence.
func foreignAnchor(doc *model.Document, triggers []facts.ForeignMention, titles []*rx.Regexp) model.Span {
	for _, t := range triggers {
		if t.Sentence != nil {
			return t.Sentence.Span
		}
	}
	return Anchor(doc, titles...)
}

func mentionSpans(ms []facts.ForeignMention) []model.Span {
	out := make([]model.Span, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.Sentence.Span)
	}
	return out
}

// foreignSpans merges span lists into sorted, distinct spans.
func foreignSpans(lists ...[]model.Span) []model.Span {
	seen := map[model.Span]bool{}
	var out []model.Span
	for _, l := range lists {
		for _, s := range l {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
