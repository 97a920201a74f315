package rules_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

func TestMinors(t *testing.T) {
	runFixtures(t, "appi/minors", []fixture{
		{name: "age line with parental consent", text: "15歳未満の方は、保護者の同意を得たうえで個人情報をご提供ください。"},
		{name: "fullwidth age", text: "１５歳未満のお客様から個人情報を取得する場合は、保護者の同意を得ます。"},
		{name: "minors with guardian consent", text: "未成年者の方が個人情報を入力される場合には、保護者の方の同意のもとに行ってください。"},
		{name: "legal representative consent", text: "当社は、16歳未満の方の個人情報を、法定代理人の承諾を得て取得します。"},
		{name: "consent in the next sentence", text: "当社は、13歳未満のお子様の個人情報を取得する場合があります。その際は、親権者の同意を得ます。"},
		{name: "heading scopes the consent", text: "## 未成年者の個人情報について\n\n本サービスのご利用には、保護者の同意が必要です。"},
		{name: "not collected", text: "当社は、15歳未満の方の個人情報を取得しません。"},
		{name: "not offered to children", text: "本サービスは、未成年者の方はご利用いただけません。"},
		{name: "adults only", text: "本サービスは18歳以上の方を対象としています。"},
		{name: "lower age line still counts", text: "13歳未満の方の個人情報は、保護者の同意なく収集しません。"},
		{name: "list item", text: "個人情報の取扱いについて\n・未成年者は、保護者の同意を得てからお申し込みください。"},
		{name: "table row", text: "項目\t内容\n未成年者の利用\t保護者の同意が必要です"},

		{name: "nothing about children", fire: true, text: "当社は、お客様の氏名、メールアドレスを取得します。"},
		{name: "legal representative only as requester", fire: true, text: "開示等の請求は、ご本人又はその代理人が行うことができます。ご本人が未成年者または成年被後見人の場合はご本人の法定代理人が請求できます。"},
		{name: "agent request with consent form", fire: true, text: "未成年者の法定代理人による開示等の請求の場合は、委任状と同意書をご提出ください。"},
		{name: "statutory exception only", fire: true, text: "公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、本人の同意を得ることが困難であるとき"},
		{name: "consent without children", fire: true, text: "当社は、ご本人の同意を得て個人情報を第三者に提供します。"},
		{name: "children without consent", fire: true, text: "本サービスは、15歳未満の方もご利用いただけます。"},
		{name: "consent far from the mention", fire: true, text: "未成年者の方もご利用いただけます。\n\n## 第三者提供\n\n当社は、ご本人の同意なく第三者に提供しません。\n保護者の同意は、第三者提供の際にのみ必要です。"},
	})
}

// TestMinorsAge checks that the configured age line appears in the
// message and that an explicit line of that age satisfies the rule.
func TestMinorsAge(t *testing.T) {
	cfg := engine.DefaultConfig()
	cfg.MinorsAge = 16
	rule := rules.ByID("appi/minors")
	check := func(text string) *engine.Result {
		doc, err := parse.Text("fixture.txt", text)
		if err != nil {
			t.Fatal(err)
		}
		return engine.Run(doc, []*engine.Rule{rule}, cfg)
	}

	res := check("16歳未満の方は、保護者の同意を得たうえでご利用ください。")
	if st := res.Outcomes[0].Status; st != engine.StatusOK {
		t.Errorf("age 16 line with consent: status %s, want ok", st)
	}

	res = check("当社は、お客様の氏名を取得します。")
	if len(res.Findings) != 1 {
		t.Fatalf("no children's clause: %d findings, want 1", len(res.Findings))
	}
	if msg := res.Findings[0].Message; !strings.Contains(msg.JA, "16歳未満") || !strings.Contains(msg.EN, "under 16") {
		t.Errorf("message does not name the configured age 16: %q / %q", msg.JA, msg.EN)
	}
}

func TestAccreditedBody(t *testing.T) {
	runFixtures(t, "appi/accredited-body", []fixture{
		{name: "member with name and phone", text: "当社は、認定個人情報保護団体である一般財団法人日本データ通信協会の対象事業者です。\n苦情の申出先：電話 03-1234-5678"},
		{name: "heading scopes name and contact", text: "## 当社の所属する認定個人情報保護団体の名称及び苦情の申出先\n\n電気通信個人情報保護推進センター\n\n電話番号： ０３－１２３４－５６７８\n\n## 改定\n\n本方針は改定されることがあります。"},
		{name: "table rows", text: "当社は以下の認定個人情報保護団体の対象事業者です。\n| 団体の名称 | 一般社団法人サンプル協会 |\n| 苦情の解決の申出先 | 東京都千代田区千代田1-1-1 |"},
		{name: "no membership", text: "当社は、お客様の個人情報を適切に取り扱います。"},
		{name: "not a member", text: "当社は、認定個人情報保護団体には加盟しておりません。"},
		{name: "not a member under a heading", text: "## 認定個人情報保護団体\n\n当社は、現在、対象事業者ではありません。"},
		{name: "statutory paraphrase", text: "当社が認定個人情報保護団体の対象事業者である場合には、その名称を公表します。"},

		{name: "member without name", fire: true, text: "当社は、認定個人情報保護団体の対象事業者です。\n苦情の申出先：電話 03-1234-5678"},
		{name: "member without contact", fire: true, text: "当社は、認定個人情報保護団体である一般財団法人日本データ通信協会の対象事業者です。"},
		{name: "heading without contact", fire: true, text: "## 認定個人情報保護団体\n\n当社は一般社団法人サンプル協会の対象事業者です。\n\n## 改定\n\n電話 03-1234-5678"},
	})
}

// TestMinorsBlanks: an age line with a 【…】 blank for the age states the
// item (appi/placeholder reports the blank).
func TestMinorsBlanks(t *testing.T) {
	runBlankFixtures(t, "appi/minors", []fixture{
		{name: "blank age line with consent", text: "【15】歳未満の方は、保護者の同意を得たうえで個人情報をご提供ください。"},
		{name: "blank age in the next sentence", text: "当社は、【13】歳未満のお子様の個人情報を取得する場合があります。その際は、親権者の同意を得ます。"},
		{name: "blank adult age", text: "本サービスは【18】歳以上の方を対象としています。"},
		{name: "bracketed heading without consent", fire: true, text: "【未成年の方へ】\n本サービスをお楽しみください。"},
	})
	runFixtures(t, "appi/minors", []fixture{
		{name: "circles are no age", fire: true, text: "○○歳未満の方は、保護者の同意を得てください。"},
	})
}

// TestAccreditedBodyBlanks: the drafted clause, with the organisation's
// name and contact left blank, states the item.
func TestAccreditedBodyBlanks(t *testing.T) {
	runBlankFixtures(t, "appi/accredited-body", []fixture{
		{name: "drafted clause", text: rules.ByID("appi/accredited-body").Fix.JA},
		{name: "name label", text: "当社は、認定個人情報保護団体の対象事業者です。\n認定個人情報保護団体の名称：【団体の名称】\n電話：【電話番号】"},
		{name: "bracketed heading only", fire: true, text: "当社は、認定個人情報保護団体の対象事業者です。\n【苦情の申出先】\n当社窓口までお寄せください。"},
	})
}
