package rules_test

import (
	"testing"
	"time"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

func TestOutdatedArticle(t *testing.T) {
	runFixtures(t, "appi/outdated-article", []fixture{
		{name: "opt-out 23条2項", fire: true, text: "なお、当社は、オプトアウト制度（個人情報の保護に関する法律第23条第2項）を利用して、個人情報を第三者に提供しません。"},
		{name: "disclosure 28条", fire: true, text: "保有個人データの開示（個人情報保護法第28条）のご請求は、下記窓口で受け付けます。"},
		{name: "foreign 24条 with 法", fire: true, text: "当社は、外国にある第三者への提供（法第24条）にあたり、本人の同意を得ます。"},
		{name: "notice at acquisition 18条", fire: true, text: "取得時の利用目的の通知（個人情報保護法第18条）は、本ポリシーの公表をもって行います。"},
		{name: "publication 27条", fire: true, text: "保有個人データに関する事項の公表等（法第27条）として、以下を掲載します。"},
		{name: "kanji numerals", fire: true, text: "当社は、個人情報保護法第二十三条第二項に基づくオプトアウトによる第三者提供を行いません。"},
		{name: "fullwidth digits", fire: true, text: "個人情報保護法第２８条に基づく開示のご請求には、所定の手数料をいただきます。"},
		{name: "list item citation", fire: true, text: "開示等の手続\n・開示の請求（個人情報保護法第28条）\n・訂正の請求（個人情報保護法第34条）"},
		// Not reported.
		{name: "opt-out current number", text: "なお、当社は、オプトアウト制度（個人情報の保護に関する法律第27条第2項）を利用して、個人情報を第三者に提供しません。"},
		{name: "foreign current 28条", text: "外国にある第三者への提供（個人情報保護法第28条）にあたっては、本人の同意を得ます。"},
		{name: "disclosure current 33条", text: "保有個人データの開示（法33条1項）、訂正等（法34条1項）の請求に応じます。"},
		{name: "telecom act", text: "当社は、電気通信事業法第27条の12に基づき、外部送信について公表します。電気通信事業法第4条に定める通信の秘密を守ります。"},
		{name: "policy's own article", text: "第23条（オプトアウト）\n当社はオプトアウトによる第三者提供を行いません。\n第24条（外国）\n当社は外国にある第三者に提供しません。"},
		{name: "order article", text: "個人情報の保護に関する法律施行令第10条に定める安全管理措置の内容は次のとおりです。"},
		{name: "explicitly the former law", text: "改正前の個人情報保護法第23条第2項に基づくオプトアウトの届出は、改正後も有効です。"},
		{name: "no context", text: "個人情報保護法第23条を遵守します。"},
		{name: "negated sentence still current number", text: "当社は、個人情報保護法第27条第2項に基づくオプトアウトによる提供は行っておりません。"},
	})
}

func TestOutdatedArticleSuggestion(t *testing.T) {
	res := run(t, "オプトアウト制度（個人情報の保護に関する法律第23条第2項）は利用しません。")
	fs := findingsOf(res, "appi/outdated-article")
	if len(fs) != 1 {
		t.Fatalf("want one finding, got %d", len(fs))
	}
	if got := res.Doc.Slice(fs[0].Span); got != "第23条第2項" {
		t.Errorf("finding span = %q, want the citation 第23条第2項", got)
	}
	if fs[0].Suggestion != "第27条第2項" {
		t.Errorf("suggestion = %q, want 第27条第2項", fs[0].Suggestion)
	}
}

func TestOutdatedTerm(t *testing.T) {
	runFixtures(t, "appi/outdated-term", []fixture{
		{name: "主務大臣のガイドライン", fire: true, text: "当社は、個人情報保護法をはじめ諸法令、および主務大臣のガイドラインに定められた義務を遵守します。"},
		{name: "METI guidelines", fire: true, text: "・経済産業省の個人情報保護ガイドラインに従います。"},
		{name: "5,000人要件", fire: true, text: "当社は、取り扱う個人情報が5,000人分を超える個人情報取扱事業者として、法令を遵守します。"},
		{name: "fullwidth 5000", fire: true, text: "当社は過去６か月以内に５０００人以下の個人情報しか取り扱っておりません。"},
		{name: "short-term data excluded", fire: true, text: "なお、6か月以内に消去する個人データは保有個人データに含まれません。"},
		// Not reported.
		{name: "PPC guidelines", text: "当社は、個人情報保護委員会のガイドラインを遵守します。"},
		{name: "six months validity of ID", text: "本人確認書類は発行から6ヶ月以内のものに限ります。"},
		{name: "larger number", text: "会員数は15,000人を超えました。保存期間は26か月以内に消去するものを除きます。"},
		{name: "sector guidelines", text: "金融分野における個人情報保護に関するガイドラインを遵守します。"},
	})
}

func TestStaleRevision(t *testing.T) {
	runFixtures(t, "appi/stale-revision", []fixture{
		{name: "revised 2019", fire: true, text: "制定日：2015年4月1日\n改定日：2019年10月1日\n当社は個人情報を適切に取り扱います。"},
		{name: "wareki", fire: true, text: "プライバシーポリシー\n平成31年4月1日 改定"},
		{name: "slash date enacted", fire: true, text: "本ポリシーは以上です。\n2021/8/24 制定"},
		{name: "dotted date revised", fire: true, text: "2019.8.24 改訂"},
		{name: "last changed", fire: true, text: "最終変更日 2019年8月24日\n1. 当社が収集する情報"},
		{name: "sign-off date", fire: true, text: "当社は個人情報を適切に取り扱います。\n2020年10月1日\n株式会社サンプル"},
		{name: "table row", fire: true, text: "| 制定 | 2018年4月1日 |\n| 改定 | 2020年6月 |"},
		// Not reported.
		{name: "revised on the cut-off", text: "制定日：2015年4月1日\n改定日：2022年4月1日"},
		{name: "wareki on the cut-off", text: "令和4年4月1日改定"},
		{name: "enacted old but revised recently", text: "制定日:2014年5月15日\n最終改訂日:2022年5月8日"},
		{name: "no date", text: "当社は、本ポリシーを改定することがあります。"},
		{name: "law date only", text: "当社は、2017年5月30日に施行された改正個人情報保護法に対応しています。"},
		{name: "effective recently", text: "本ポリシーは2024年4月27日より施行されています。"},
		{name: "month precision", text: "2005年4月 制定\n2023年6月 改定"},
		{name: "other dates in prose", text: "当社は2010年4月1日に設立されました。\n改定日：2024年1月1日"},
	})
}

func TestHedgedObligation(t *testing.T) {
	runFixtures(t, "appi/hedged-obligation", []fixture{
		{name: "requests hedged", fire: true, text: "訂正、追加、削除、利用停止、消去又は第三者提供の停止などの請求についても、適切かつ迅速な対応を行うよう努めます。"},
		{name: "request after a condition", fire: true, text: "開示等のご請求があった場合には、速やかに対応するよう努めます。"},
		{name: "safety measures hedged", fire: true, text: "当社は、個人情報の漏えい等を防止するため、安全管理措置を講じるよう努めます。"},
		{name: "purpose publication hedged", fire: true, text: "当社は、個人情報の利用目的を公表するよう努めます。"},
		{name: "third-party consent hedged", fire: true, text: "個人情報を第三者に提供する場合は、あらかじめご本人の同意を得るよう努めます。"},
		{name: "measures after a purpose clause", fire: true, text: "当社は、個人情報の正確性及び安全性を確保するために、セキュリティ対策を講じるよう努めます。"},
		{name: "list item", fire: true, text: "・開示、訂正、利用停止等のご請求に誠実に対応するよう努めております。"},
		// Not reported.
		{name: "accuracy is an effort duty", text: "当社は、個人情報を正確かつ最新の状態に保つよう努めます。"},
		{name: "complaints are an effort duty", text: "当社は、個人情報の取扱いに関する苦情の適切かつ迅速な処理に努めます。"},
		{name: "consent at collection", text: "個人情報を取得する際は、あらかじめ利用目的を明示し、ご本人の同意を得るよう努めます。"},
		{name: "definite", text: "開示等のご請求には、遅滞なく対応します。"},
		{name: "improvement", text: "当社は、本ポリシーの継続的な改善に努めます。"},
		{name: "measures taken, protection as effort", text: "当社は、適切な安全対策を実施し、お客様の個人情報の保護に努めております。"},
		{name: "deletion when unnecessary", text: "利用する必要がなくなったときは、当該個人情報を遅滞なく消去するよう努めます。"},
		{name: "measures taken, prevention as effort", text: "不正アクセス、紛失、破壊、改ざん及び漏えい等のリスクに対して、合理的な安全対策を講じ、その予防及び是正に努めます。"},
		{name: "general inquiries", text: "お客様からのお問い合わせに、誠実かつ迅速に対応するよう努めます。"},
		{name: "inquiries", text: "当社は、本人からの問い合わせに対し、適切な対応を努めます。"},
	})
}

func TestHedgedObligationSuggestion(t *testing.T) {
	res := run(t, "開示等のご請求には、適切かつ迅速に対応するよう努めます。")
	fs := findingsOf(res, "appi/hedged-obligation")
	if len(fs) != 1 {
		t.Fatalf("want one finding, got %d", len(fs))
	}
	if got, want := fs[0].Suggestion, "開示等のご請求には、適切かつ迅速に対応します"; got != want {
		t.Errorf("suggestion = %q, want %q", got, want)
	}
	if fs[0].Severity != engine.Info {
		t.Errorf("severity = %s, want info", fs[0].Severity)
	}
}

// TestHygieneAsOf checks that date-dependent rules follow Config.AsOf: before
// the 2022 renumbering the old numbers and dates were current.
func TestHygieneAsOf(t *testing.T) {
	text := "改定日：2019年10月1日\nオプトアウト制度（個人情報の保護に関する法律第23条第2項）は利用しません。\n主務大臣のガイドラインを遵守します。"
	doc, err := parse.Text("asof.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		asOf time.Time
		want map[string]bool
	}{
		{time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), map[string]bool{"appi/stale-revision": false, "appi/outdated-article": false, "appi/outdated-term": true}},
		{time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC), map[string]bool{"appi/stale-revision": false, "appi/outdated-article": false, "appi/outdated-term": false}},
		{time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), map[string]bool{"appi/stale-revision": true, "appi/outdated-article": true, "appi/outdated-term": true}},
	}
	for _, c := range cases {
		cfg := engine.DefaultConfig()
		cfg.AsOf = c.asOf
		res := engine.Run(doc, rules.All(), cfg)
		for id, want := range c.want {
			if got := len(findingsOf(res, id)) > 0; got != want {
				t.Errorf("as of %s, %s reported = %v, want %v", c.asOf.Format("2006-01-02"), id, got, want)
			}
		}
	}
}

// TestStaleRevisionCutoffConfigurable checks that a rule pack can move the cut-off.
func TestStaleRevisionCutoffConfigurable(t *testing.T) {
	saved := rules.StaleRevisionCutoff
	defer func() { rules.StaleRevisionCutoff = saved }()
	rules.StaleRevisionCutoff = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	res := run(t, "改定日：2024年1月1日")
	if len(findingsOf(res, "appi/stale-revision")) == 0 {
		t.Error("a policy revised in 2024 should be stale against a 2026 cut-off")
	}
}
