package facts_test

import (
	"testing"

	"github.com/appilint/appilint/internal/facts"
)

func TestPlaceholderValue(t *testing.T) {
	for s, want := range map[string]bool{
		"【会社名】":          true,
		" 【郵便番号】 【住所】 ":  true,
		"【15】":           true,
		"株式会社【会社名】":      false,
		"【会社名】 お問い合わせ窓口": false,
		"○○株式会社":         false,
		"【】":             false,
		"【住所\n】":         false,
	} {
		if got := facts.IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
	if !facts.HasPlaceholder("1件につき【金額】円") || facts.HasPlaceholder("1件につき○○円") {
		t.Error("HasPlaceholder: 【金額】 is a blank, ○○ is not one")
	}
}

// TestBlankContacts: a contact label with a 【…】 blank as its value is a
// drafted contact line; a bracket with no label is a heading.
func TestBlankContacts(t *testing.T) {
	tests := []struct {
		text string
		kind facts.ContactKind
		want string // the value, "" for none
	}{
		{"住所：【住所】", facts.Postal, "【住所】"},
		{"所在地は【所在地】です。", facts.Postal, "【所在地】"},
		{"住所：〒【郵便番号】 【都道府県・市区町村・番地・建物名】", facts.Postal, "〒【郵便番号】 【都道府県・市区町村・番地・建物名】"},
		{"〒【郵便番号】【住所】", facts.Postal, "〒【郵便番号】【住所】"},
		{"電話：【電話番号】（受付時間：【受付時間】）", facts.Phone, "【電話番号】"},
		{"TEL：【電話番号】", facts.Phone, "【電話番号】"},
		{"メールアドレス：【メールアドレス】", facts.Email, "【メールアドレス】"},
		{"E-mail：【メールアドレス】", facts.Email, "【メールアドレス】"},
		{"| 項目 | 内容 |\n| --- | --- |\n| メール | 【メールアドレス】 |", facts.Email, "【メールアドレス】"},
		{"【お問い合わせ窓口】", facts.Postal, ""},
		{"住所\n【住所】", facts.Postal, ""},
		{"住所：〇〇県〇〇市", facts.Postal, ""},
		{"電話：03-XXXX-XXXX", facts.Phone, ""},
	}
	for _, tt := range tests {
		_, f := compute(t, tt.text)
		var got []facts.Contact
		for _, c := range f.Contacts {
			if c.Placeholder {
				got = append(got, c)
			}
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q: blank contacts %+v, want none", tt.text, got)
		case tt.want != "" && (len(got) != 1 || got[0].Kind != tt.kind || got[0].Value != tt.want):
			t.Errorf("%q: blank contacts %+v, want one %s %q", tt.text, got, tt.kind, tt.want)
		}
	}
	// A filled contact is no blank.
	_, f := compute(t, "住所：東京都千代田区千代田1-1-1\nメール：privacy@example.co.jp")
	for _, c := range f.Contacts {
		if c.Placeholder {
			t.Errorf("filled contact %q marked as a blank", c.Value)
		}
	}
}

// TestOperatorBlanks: a 【…】 blank in the operator's name or
// representative slot is kept as the drafted value; other marks are not.
func TestOperatorBlanks(t *testing.T) {
	_, f := compute(t, "【会社名】（以下「当社」といいます。）は、個人情報を取り扱います。\n代表者：代表取締役 【代表者氏名】")
	if d := f.Operator.Definition; d == nil || d.Name != "【会社名】" || !facts.IsBlankName(d.Name) {
		t.Errorf("definition = %+v, want the blank 【会社名】", d)
	}
	if reps := f.Operator.Representatives; len(reps) != 1 || reps[0].Name != "【代表者氏名】" {
		t.Errorf("representatives = %+v, want the blank 【代表者氏名】", reps)
	}
	_, f = compute(t, "株式会社サンプル（以下「当社」）\n代表取締役 〇〇〇〇\n代表者\n【代表者メッセージ】")
	if reps := f.Operator.Representatives; len(reps) != 0 {
		t.Errorf("representatives = %+v, want none (marks and a heading below a title are no name)", reps)
	}
	for s, want := range map[string]bool{"株式会社【会社名】": true, "【会社名】株式会社": true, "〇〇株式会社": false, "【お知らせ】サンプル": false} {
		if got := facts.IsBlankName(s); got != want {
			t.Errorf("IsBlankName(%q) = %v, want %v", s, got, want)
		}
	}
}
