package rules

import (
	"strings"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
)

var transmissionRules = []*engine.Rule{transmissionContent, transmissionRecipient, transmissionPurpose}

var (
	transmissionArticle = engine.Text{JA: "電気通信事業法27条の12", EN: "Telecommunications Business Act Art. 27-12"}
	transmissionTrigger = engine.Text{
		JA: "Cookie、タグ、SDK、アクセス解析・広告配信のモジュールなどにより、利用者の情報を外部の事業者へ送信している（Google Analytics、情報収集モジュール、3rd Party Cookie など）と記載していること。当社だけが使うファーストパーティCookieは外部送信ではありません。",
		EN: "The policy says that users' information is sent to outside parties through cookies, tags, SDKs, analytics or advertising modules (Google Analytics, 情報収集モジュール, third-party cookies…). First-party cookies used only by the operator are not external transmission.",
	}
	transmissionNA = "no transmission of users' information to outside parties through cookies, tags, SDKs or analytics/advertising modules is described"
)

var transmissionContent = &engine.Rule{
	ID:       "telecom/transmission-content",
	Severity: engine.Warning,
	Article:  transmissionArticle,
	Title:    engine.Text{JA: "外部送信される情報の内容", EN: "Information sent to outside parties"},
	Doc: engine.Text{
		JA: "外部送信規律（2023年6月16日施行）により、Cookie・タグ・SDK等で外部へ送信される利用者情報の内容（閲覧履歴、IPアドレス、端末識別子、Cookie情報など）を公表する必要があります。" +
			"記載された送信ごとに、送信される情報が書かれていれば記載ありとします。ツール名だけで何が送られるか書かれていなければ記載なしです。",
		EN: "Under the external transmission rules (in force since 2023-06-16), the policy must state what users' information is sent through cookies, tags or SDKs (browsing history, IP address, device identifiers, cookie data…). " +
			"It is present when, for each transmission described, the information sent is named; naming the tool alone is missing.",
	},
	Conditional: true,
	Trigger:     transmissionTrigger,
	Missing: engine.Text{
		JA: "外部送信について記載がありますが、送信される情報の内容（閲覧履歴、IPアドレス、端末識別子など）が記載されていません（電気通信事業法27条の12）。送信先ごとに送信される情報を記載してください。",
		EN: "External transmission is described, but not what information is sent (browsing history, IP address, device identifiers…) (Telecommunications Business Act Art. 27-12). State, for each recipient, the information sent.",
	},
	Fix: engine.Text{
		JA: "本サービスでは、【モジュール名】により、【閲覧したページのURL、IPアドレス、端末識別子、Cookie情報】を【送信先の名称】に送信しています。",
		EN: "For each module or tag, list the kinds of information it sends (page URLs viewed, IP address, device identifiers, cookie data…), e.g. in a table of module, recipient, information sent and purpose.",
	},
	Good: "本サービスでは、Google アナリティクスにより、閲覧したページのURL、IPアドレス等をGoogle LLCに送信し、利用状況の分析に利用しています。",
	Bad:  "本サービスでは、Google アナリティクスを利用しています。",
	Run: func(p *engine.Pass) {
		runTransmissionItem(p, func(g *facts.TransmissionGroup) []facts.Mention { return g.Content })
	},
}

var transmissionPurpose = &engine.Rule{
	ID:       "telecom/transmission-purpose",
	Severity: engine.Warning,
	Article:  transmissionArticle,
	Title:    engine.Text{JA: "外部送信された情報の利用目的", EN: "Purpose of the information sent"},
	Doc: engine.Text{
		JA: "外部送信規律により、送信された情報が送信先でどのような目的に利用されるか（アクセス解析、広告配信、サービス改善など）を公表する必要があります。" +
			"記載された送信ごとに利用目的が書かれていれば記載ありとします。送信先のプライバシーポリシーに委ねるだけの記載は記載なしです。",
		EN: "Under the external transmission rules, the policy must state for what purpose the information sent is used (access analysis, ad delivery, service improvement…). " +
			"It is present when a purpose is given for each transmission described; referring only to the recipient's own policy is missing.",
	},
	Conditional: true,
	Trigger:     transmissionTrigger,
	Missing: engine.Text{
		JA: "外部送信について記載がありますが、送信された情報の利用目的が記載されていません（電気通信事業法27条の12）。送信先ごとに利用目的（アクセス解析、広告配信など）を記載してください。",
		EN: "External transmission is described, but not the purpose for which the information sent is used (Telecommunications Business Act Art. 27-12). State, for each recipient, the purpose (access analysis, ad delivery…).",
	},
	Fix: engine.Text{
		JA: "【送信先の名称】に送信された情報は、【アクセス解析によるサービス改善／広告の配信および効果測定】のために利用されます。",
		EN: "For each module or tag, state what the recipient uses the information for (e.g. access analysis to improve the service, delivering and measuring ads).",
	},
	Good: "Google アナリティクスにより送信された情報は、本サービスの利用状況の分析およびサービス改善のために利用されます。",
	Bad:  "送信された情報の取扱いについては、Google社のプライバシーポリシーをご確認ください。",
	Run: func(p *engine.Pass) {
		runTransmissionItem(p, func(g *facts.TransmissionGroup) []facts.Mention { return g.Purposes })
	},
}

var transmissionRecipient = &engine.Rule{
	ID:       "telecom/transmission-recipient",
	Severity: engine.Warning,
	Article:  transmissionArticle,
	Title:    engine.Text{JA: "外部送信の送信先", EN: "Recipients of the information sent"},
	Doc: engine.Text{
		JA: "外部送信規律により、情報の送信先の名称（Google LLC、トレジャーデータ株式会社など）を公表する必要があります。" +
			"記載された送信ごとに送信先が名称で特定されていれば記載ありとします（提供元の社名、または提供元が明らかな製品名）。「提携する第三者」「広告配信事業者」のような一般的な呼び方だけで名称がなければ記載なしです。",
		EN: "Under the external transmission rules, the policy must name the recipients of the information (Google LLC, Treasure Data K.K.…). " +
			"It is present when each transmission described names its recipient (the provider's name, or a product whose provider is evident); generic terms such as 「提携する第三者」 or 「広告配信事業者」 without names are missing.",
	},
	Conditional: true,
	Trigger:     transmissionTrigger,
	Missing: engine.Text{
		JA: "外部送信について記載がありますが、送信先の名称が記載されていません（電気通信事業法27条の12）。「第三者」「提携先」などではなく、送信先の事業者名を記載してください。",
		EN: "External transmission is described, but the recipients are not named (Telecommunications Business Act Art. 27-12). Name each recipient business instead of 「第三者」 or 「提携先」.",
	},
	Fix: engine.Text{
		JA: "本サービスでは、以下の事業者に利用者情報を送信しています。\n送信先：【送信先の名称（例：Google LLC）】\nモジュール：【モジュール名】\n送信される情報：【情報の内容】\n利用目的：【利用目的】",
		EN: "Name each recipient business (e.g. Google LLC), ideally in a table of module, recipient, information sent and purpose.",
	},
	Good: "本サービスは、Google LLCが提供するGoogle アナリティクスを利用し、閲覧履歴をGoogle LLCに送信しています。",
	Bad:  "本サービスでは、提携する広告配信事業者がCookieを利用して閲覧履歴を取得しています。",
	Run:  runTransmissionRecipient,
}

// runTransmissionItem checks that every described transmission states the
// item that items returns.
func runTransmissionItem(p *engine.Pass, items func(*facts.TransmissionGroup) []facts.Mention) {
	tx := p.Facts.Transmission
	if len(tx.Triggers) == 0 {
		p.NA(transmissionNA)
		return
	}
	var evidence []model.Span
	for i := range tx.Groups {
		g := &tx.Groups[i]
		ms := items(g)
		if len(ms) == 0 {
			// A tool mentioned in passing (「Google Analyticsによるアクセス
			// 解析のため」) may be described in full elsewhere.
			if j, ok := describedElsewhere(tx.Groups, i, items); ok {
				evidence = append(evidence, mentionSentences(items(&tx.Groups[j]))...)
				continue
			}
			// The details may be published on a separate page of the
			// operator, which the law allows.
			if len(g.Deferred) > 0 {
				evidence = append(evidence, mentionSentences(g.Deferred)...)
				continue
			}
			p.Missing(g.Triggers[0].Span)
			continue
		}
		evidence = append(evidence, mentionSentences(ms)...)
	}
	if len(evidence) > 0 {
		p.OK(dedupSpans(evidence)...)
	}
}

// describedElsewhere finds another group that names one of group i's
// recipients and states the item.
func describedElsewhere(groups []facts.TransmissionGroup, i int, items func(*facts.TransmissionGroup) []facts.Mention) (int, bool) {
	names := map[string]bool{}
	for _, m := range groups[i].Recipients {
		names[normalName(m.Text)] = true
	}
	for j := range groups {
		if j == i || len(items(&groups[j])) == 0 {
			continue
		}
		for _, m := range groups[j].Recipients {
			if names[normalName(m.Text)] {
				return j, true
			}
		}
	}
	return 0, false
}

// normalName folds case and spaces so that names compare across mentions.
func normalName(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

func runTransmissionRecipient(p *engine.Pass) {
	tx := p.Facts.Transmission
	if len(tx.Triggers) == 0 {
		p.NA(transmissionNA)
		return
	}
	operator := operatorNameTexts(p.Facts.Operator)
	var evidence []model.Span
	for i := range tx.Groups {
		g := &tx.Groups[i]
		named := otherThan(g.Recipients, operator)
		if len(named) == 0 && len(g.Deferred) > 0 {
			evidence = append(evidence, mentionSentences(g.Deferred)...)
			continue
		}
		if len(named) == 0 {
			p.Missing(g.Triggers[0].Span)
			continue
		}
		for _, u := range g.Unnamed {
			if u.Blank {
				p.MissingWith(u.Span, engine.Text{
					JA: "外部送信の送信先の欄が空欄で（「" + u.Text + "」の行）、送信先の名称が記載されていません（電気通信事業法27条の12）。送信先の事業者名を記載してください。",
					EN: "The recipient field of an external transmission is left empty (row 「" + u.Text + "」), so the recipient is not named (Telecommunications Business Act Art. 27-12). Name the recipient business.",
				})
				continue
			}
			if len(otherThan(u.Near, operator)) == 0 {
				p.MissingWith(u.Span, engine.Text{
					JA: "外部送信の送信先が「" + u.Text + "」としか記載されておらず、名称が特定されていません（電気通信事業法27条の12）。送信先の事業者名を記載してください。",
					EN: "A recipient of external transmission is referred to only as 「" + u.Text + "」, without its name (Telecommunications Business Act Art. 27-12). Name the recipient business.",
				})
			}
		}
		evidence = append(evidence, mentionSentences(named)...)
	}
	if len(evidence) > 0 {
		p.OK(evidence...)
	}
}

// operatorNameTexts returns the operator's names without spaces.
func operatorNameTexts(op facts.Operator) []string {
	var out []string
	for _, n := range op.Names {
		if t := strings.ReplaceAll(n.Text, " ", ""); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// otherThan drops the mentions that name the operator itself: a policy's
// signature is no recipient.
func otherThan(ms []facts.Mention, operator []string) []facts.Mention {
	var out []facts.Mention
	for _, m := range ms {
		t := strings.ReplaceAll(m.Text, " ", "")
		own := false
		for _, o := range operator {
			if strings.Contains(t, o) || strings.Contains(o, t) {
				own = true
				break
			}
		}
		if !own {
			out = append(out, m)
		}
	}
	return out
}

// mentionSentences returns the spans of the distinct sentences holding the
// mentions: a rule's evidence is whole sentences.
func mentionSentences(ms []facts.Mention) []model.Span {
	seen := map[model.Span]bool{}
	var out []model.Span
	for _, m := range ms {
		sp := m.Span
		if m.Sentence != nil {
			sp = m.Sentence.Span
		}
		if !seen[sp] {
			seen[sp] = true
			out = append(out, sp)
		}
	}
	return out
}
