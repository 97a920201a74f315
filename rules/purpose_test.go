package rules_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
)

func TestPurposes(t *testing.T) {
	runFixtures(t, "appi/purposes", []fixture{
		// Missing: purposes referred to but never stated.
		{name: "within purposes only", fire: true, text: "プライバシーポリシー\n当社は、個人情報を利用目的の範囲内で適切に取り扱います。"},
		{name: "purposes shown at collection", fire: true, text: "利用目的\n当社は、取得した個人情報を、取得時に提示した利用目的の範囲内で取り扱います。利用目的を変更した場合には、ご本人に通知または公表します。\n個人情報の取得\n当社は、適法かつ公正な手段により個人情報を取得します。"},
		{name: "promise to state purposes", fire: true, text: "5．個人情報の利用目的\n個人情報をご提供いただく場合、その目的を明示又は公表します。また、明示又は公表した目的以外に無断で利用することはありません。"},
		{name: "cookie purposes only", fire: true, text: "個人情報の利用について\n当社は、個人情報を、取得の際に示した利用目的の範囲内で利用します。\n## Cookieの利用目的\n当社は、ウェブサイトの利用状況を分析するためにCookieを使用します。\n- 広告配信の最適化のため"},
		{name: "negated use", fire: true, text: "当社は、お客様の個人情報をマーケティングのために利用することはありません。"},
		{name: "conditional use", fire: true, text: "お客様の個人情報を新サービスの開発のために利用する場合は、事前にご本人の同意を得ます。"},
		{name: "heading followed by a reference only", fire: true, text: "## 利用目的\n当社は、あらかじめ公表した利用目的の範囲内で個人情報を取り扱います。\n## 安全管理\n当社は安全管理措置を講じます。"},
		{name: "adverb is not a purpose", fire: true, text: "当社は、お客様の個人情報を適切かつ慎重に利用します。"},
		{name: "list promised but not given", fire: true, text: "当社は、以下の目的以外には個人情報を利用しません。\n個人情報の管理\n当社は個人情報を適切に管理します。"},
		// Present.
		{name: "bullet list after intro", text: "当社は、個人情報を以下の目的で利用します。\n・ご注文商品の発送のため\n・お問い合わせへの回答のため"},
		{name: "numbered list", text: "2. 利用目的\n(1) 本サービスの提供\n(2) 利用料金の請求\n(3) お問い合わせへの対応"},
		{name: "circled numbers", text: "当社は、取得した個人情報を次の目的のために利用いたします。\n①会員登録の受付\n②商品の配送\n③メールマガジンの配信"},
		{name: "fullwidth numbers", text: "利用目的は以下のとおりです。\n（１）商品の発送のため\n（２）アフターサービスのため"},
		{name: "unnumbered lines after intro", text: "第2条（個人情報の利用目的）\n当社は、取得した個人情報を以下の目的のために利用します。\nお問い合わせへの回答および対応\n契約の締結・履行に関する業務\n第3条（第三者への提供）\n当社は、法令に基づく場合を除き、個人情報を第三者に提供しません。"},
		{name: "markdown heading scopes list", text: "# プライバシーポリシー\n## 利用目的\n- 商品の発送\n- お問い合わせへの回答\n## 第三者提供\n当社は、同意なく第三者に提供しません。"},
		{name: "plain lines under a heading", text: "## 利用目的\n商品の発送\nお問い合わせへの回答\n## 第三者提供\n当社は、同意なく第三者に提供しません。"},
		{name: "inline list after a colon", text: "当社は、お客様の個人情報を次のような目的で利用します：(1)商品の発送、(2)お問い合わせへの回答。"},
		{name: "header table", text: "| 個人情報の項目 | 利用目的 |\n|---|---|\n| 氏名、住所 | 商品の発送のため |"},
		{name: "topic は and に利用", text: "お預かりした個人情報は、商品の発送やアフターサービスのご案内に利用いたします。"},
		{name: "labelled line", text: "利用目的：ご注文商品の発送、アフターサービスのご提供"},
		{name: "list of uses", text: "お客様の個人情報は、以下の業務に利用いたします。\n・商品の発送\n・ご請求書の送付"},
		{name: "tab table row", text: "項目\t内容\n利用目的\tお問い合わせへの当社からのご連絡のため\n保存期間\t1年間"},
		{name: "pipe table row", text: "| 項目 | 内容 |\n|---|---|\n| 利用目的 | ご注文商品の発送およびご連絡のため |"},
		{name: "sentence のために", text: "当社は、会員へのカスタマーサポートを提供するために、利用者情報を使用します。"},
		{name: "sentence に利用します", text: "当社は、お客さまのパーソナルデータを、お手続き、カスタマーサポートに利用します。"},
		{name: "purpose before acquisition", text: "当社は、本システムの提供のため、ユーザの端末から位置情報を取得します。"},
		{name: "wareki document with purposes", text: "令和4年4月1日改定\n当社は、取得した個人情報を、商品の発送及びアフターサービスのために利用します。"},
	})
}

func TestPurposesSpecific(t *testing.T) {
	runFixtures(t, "appi/purposes-specific", []fixture{
		{name: "business activities only", fire: true, text: "当社は、取得した個人情報を当社の事業活動のために利用します。"},
		{name: "catch-all list", fire: true, text: "利用目的は以下のとおりです。\n・当社の業務遂行のため\n・その他、上記に付随する目的"},
		{name: "deferred to each service", fire: true, text: "当社は、個人情報を以下の目的で利用します。\n(1) 各サービスごとに定める目的\n(2) その他、上記の利用目的に付随する業務"},
		{name: "marketing only", fire: true, text: "当社は、お客様の個人情報をマーケティング活動のために利用します。"},
		// Not reported.
		{name: "concrete beside catch-all", text: "当社は、個人情報を以下の目的で利用します。\n・商品の発送のため\n・その他、上記の利用目的に付随する目的"},
		{name: "concrete only", text: "当社は、個人情報を商品の発送とお問い合わせへの回答のために利用します。"},
		{name: "no purposes at all is appi/purposes", text: "当社は、個人情報を利用目的の範囲内で取り扱います。"},
		{name: "negated catch-all", text: "当社は、個人情報を当社の事業活動以外の目的には利用しません。"},
		{name: "conditional catch-all beside concrete", text: "| 利用目的 | お問い合わせへの回答のため |\n上記以外の目的で利用する場合は、あらかじめご本人の同意を得ます。"},
	})
}

// TestPurposesOddInputs runs the purposes rules on fragments that once
// tripped the list reader; they must not panic and must decide sensibly.
func TestPurposesOddInputs(t *testing.T) {
	for _, text := range []string{
		"",
		"利用目的",
		"以下の目的",
		"• Ⅰ-2.利用目的\n(a)音楽配信サービス\n以上のサービスに関する、下記に掲げる事業活動\n・広告・宣伝\n• Ⅰ-3.提供先",
		"下記に掲げる事業活動\n・広告・宣伝",
		"| 利用目的 |\n| 利用目的 | |",
		"当社は、以下の目的で利用します：",
	} {
		res := run(t, text)
		_ = outcomeOf(t, res, "appi/purposes")
		_ = outcomeOf(t, res, "appi/purposes-specific")
	}
	res := run(t, "• Ⅰ-2.利用目的\n(a)音楽配信サービス\n以上のサービスに関する、下記に掲げる事業活動\n・広告・宣伝のための分析\n• Ⅰ-3.提供先")
	if o := outcomeOf(t, res, "appi/purposes"); o.Status != engine.StatusOK || len(o.Evidence) < 2 {
		t.Errorf("the items after 「下記に掲げる事業活動」 should count: %s with %d spans", o.Status, len(o.Evidence))
	}
}

// TestPurposesEvidence deletes the evidence of a satisfied appi/purposes
// and expects the rule to fire.
func TestPurposesEvidence(t *testing.T) {
	text := "プライバシーポリシー\n当社は、個人情報を以下の目的で利用します。\n・ご注文商品の発送のため\n・お問い合わせへの回答のため\n当社は、個人情報を適切に管理します。"
	res := run(t, text)
	ev := outcomeOf(t, res, "appi/purposes")
	if ev.Status != engine.StatusOK || len(ev.Evidence) == 0 {
		t.Fatalf("appi/purposes: got %s with %d evidence spans, want ok with evidence", ev.Status, len(ev.Evidence))
	}
	stripped := text
	for i := len(ev.Evidence) - 1; i >= 0; i-- {
		sp := ev.Evidence[i]
		stripped = stripped[:sp.Start] + stripped[sp.End:]
	}
	if got := findingsOf(run(t, stripped), "appi/purposes"); len(got) == 0 {
		t.Errorf("appi/purposes did not fire once its evidence was deleted:\n%s", stripped)
	}
}

// TestPurposesMessages checks that the finding names the article and the
// anchor is the purposes section.
func TestPurposesMessages(t *testing.T) {
	text := "はじめに\n当社は個人情報を大切にします。\n## 個人情報の利用目的\n当社は、利用目的の範囲内で個人情報を取り扱います。"
	res := run(t, text)
	fs := findingsOf(res, "appi/purposes")
	if len(fs) != 1 {
		t.Fatalf("want one finding, got %d", len(fs))
	}
	f := fs[0]
	if !f.Missing || !strings.Contains(res.Doc.Slice(f.Span), "利用目的") {
		t.Errorf("finding should be a missing-item finding anchored at the purposes heading, got %q (missing=%v)", res.Doc.Slice(f.Span), f.Missing)
	}
	if !strings.Contains(f.Message.JA, "法17条") || !strings.Contains(f.Message.EN, "17(1)") {
		t.Errorf("message should cite the article: %q / %q", f.Message.JA, f.Message.EN)
	}
	if st := outcomeOf(t, res, "appi/purposes-specific").Status; st != engine.StatusNA {
		t.Errorf("appi/purposes-specific should be na when appi/purposes is violated, got %s", st)
	}
}

// outcomeOf returns a rule's outcome.
func outcomeOf(t *testing.T, res *engine.Result, id string) engine.Outcome {
	t.Helper()
	for _, o := range res.Outcomes {
		if o.Rule.ID == id {
			return o
		}
	}
	t.Fatalf("no outcome for %s", id)
	return engine.Outcome{}
}
