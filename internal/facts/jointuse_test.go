package facts_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/facts"
)

// jointPresence summarises which joint-use items a policy states, in the
// order items, scope, purpose, manager, address, representative.
func jointPresence(ju facts.JointUse) string {
	var b strings.Builder
	for _, n := range []int{len(ju.Items), len(ju.Scope), len(ju.Purpose), len(ju.Manager), len(ju.ManagerAddress), len(ju.ManagerRepresentative)} {
		if n > 0 {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

func TestJointUse(t *testing.T) {
	const operator = "株式会社サンプル（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。\n"
	const contact = "\n## お問い合わせ窓口\n株式会社サンプル\n代表取締役 山田太郎\n住所：東京都千代田区千代田1-1-1\n"
	tests := []struct {
		name     string
		text     string
		declared bool
		present  string // see jointPresence; ignored when not declared
		promise  bool
	}{
		{
			name: "labelled list with a manager block",
			text: operator + "## 共同利用について\n当社は、以下のとおり個人データを共同利用いたします。\n" +
				"(1) 共同して利用される個人データの項目：氏名、住所、電話番号、購入履歴\n" +
				"(2) 共同して利用する者の範囲：当社の子会社\n" +
				"(3) 利用する者の利用目的：商品の発送およびアフターサービスの提供\n" +
				"(4) 当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名\n" +
				"株式会社サンプルホールディングス\n東京都港区芝公園4-2-8\n代表取締役 佐藤一郎\n",
			declared: true, present: "111111",
		},
		{
			name: "markdown table",
			text: operator + "## 個人データの共同利用\n当社は、次のとおり共同して利用します。\n| 項目 | 内容 |\n| --- | --- |\n" +
				"| 共同して利用される個人データの項目 | 氏名、メールアドレス |\n| 共同して利用する者の範囲 | 株式会社サンプル物流 |\n" +
				"| 利用する者の利用目的 | 商品の配送のため |\n| 管理責任者 | 当社 |\n" + contact,
			declared: true, present: "111111",
		},
		{
			name: "tab table under a heading without a declaring sentence",
			text: operator + "## 共同利用\n共同利用する個人データの項目\t氏名、住所\n共同利用者の範囲\tサンプルグループ各社\n共同利用の目的\tサービスのご案内\n" +
				"管理について責任を有する者\t株式会社サンプル\n" + contact,
			declared: true, present: "111111",
		},
		{
			name: "bracketed labels with values below",
			text: operator + "### グループ会社間の共同利用\n【共同して利用される個人データの項目】\n「1. 取得する個人情報」記載の情報\n【共同して利用する者の範囲】\n当社およびサンプルテクノロジー株式会社\n" +
				"【利用する者の利用目的】\n「2. 利用目的」に記載された利用目的と同じです。\n",
			declared: true, present: "111000",
		},
		{
			name:     "inline items and scope, nothing else",
			text:     operator + "当社は、お客様の氏名、住所、電話番号を、当社の子会社と共同利用します。\n",
			declared: true, present: "110000",
		},
		{
			name:     "manager is the operator, stated in running text",
			text:     operator + "## 共同利用\n当社は、お客様の氏名及び住所を当社グループ会社と共同利用します。共同利用の目的は、商品のご案内です。当社が管理について責任を有します。\n" + contact,
			declared: true, present: "111111",
		},
		{
			name:     "manager is the operator, but no operator address or representative",
			text:     operator + "## 共同利用\n当社は、以下のとおり共同利用します。\n・共同利用者の範囲：当社の子会社\n・管理責任者：当社\n",
			declared: true, present: "010100",
		},
		{
			name:     "vague partners and a promise to publish",
			text:     operator + "当社は、当社の業務提携先と個人情報を共同利用することがあります。この場合に当社は、共同利用に先立ち、共同して利用する個人情報の項目、共同して利用する者の範囲、利用する者の利用目的並びに当該個人データの管理について責任を有する者の氏名又は名称についてあらかじめ公表いたします。\n",
			declared: true, present: "000000", promise: true,
		},
		{
			name:     "may share in a list of cases",
			text:     operator + "但し、目的の範囲内で共同利用会社との間でお客様の個人情報を共同利用する場合及び業務を委託する場合があります。\n",
			declared: true, present: "000000",
		},
		{
			name:     "we may use jointly",
			text:     operator + "当社は、取得した個人データを以下の事項に従って共同で利用させていただく場合があります。\n",
			declared: true, present: "000000",
		},
		{
			name:     "the data between 共同で and 利用",
			text:     operator + "当社は、グループ会社と共同でお客様の個人情報を利用することがあります。\n",
			declared: true, present: "000000",
		},
		{
			name:     "fullwidth numbering and colon",
			text:     operator + "当社は、以下のとおり共同利用を行います。\n（１）共同利用者の範囲：当社グループ会社\n",
			declared: true, present: "010000",
		},

		{name: "statute paraphrase in a list of exceptions", text: operator + "次の場合は第三者提供に該当しません。\n・特定の者との間で共同して利用される個人データが当該特定の者に提供される場合であって、その旨並びに共同して利用される個人データの項目、共同して利用する者の範囲、利用する者の利用目的及び当該個人データの管理について責任を有する者の氏名又は名称について、あらかじめ本人に通知し、又は本人が容易に知り得る状態に置いているとき\n"},
		{name: "denied", text: operator + "## 共同利用について\n当社は、個人データの共同利用は行っていません。\n"},
		{name: "denied in a table cell", text: operator + "| 項目 | 内容 |\n| --- | --- |\n| 共同利用 | 当社は、個人データの共同利用を行いません |\n"},
		{name: "denied with 致しません", text: operator + "当社は、お客様の個人情報を共同利用いたしません。\n"},
		{name: "conditional promise only", text: operator + "共同利用する場合は、あらかじめ公表いたします。\n"},
		{name: "another business's policy quoted", text: operator + "## サンプルグループ共通プライバシーポリシー\nサンプルグループ各社は、お客様の個人情報を共同利用することがあります。\n"},
		{name: "a reference to the parent's policy", text: operator + "当社は、お客様の個人情報を適切に管理します。\n【参考】親会社の方針\n当社は、グループ各社とお客様の個人情報を共同利用しています。\n"},
		{name: "another business's policy by title", text: operator + "## 利用目的\n当社は、商品の発送に利用します。\n## サンプル親会社株式会社 個人情報保護方針\n当社は、グループ各社とお客様の個人情報を共同利用しています。\n"},
		{name: "a system developed together", text: operator + "当社は、提携先と共同で開発したシステムを利用します。\n"},
		{name: "working together is outsourcing", text: operator + "第三者と共同して業務を遂行する場合に、個人情報の取り扱いを委託する場合があります。\n"},
		{name: "sharing is not declared joint use", text: operator + "当社は、親会社であるSample, Inc.と利用者情報を共有する場合があります。\n"},
		{name: "a term in a list of what is shown", text: operator + "当社は、あらかじめ利用目的、共同利用者の範囲、お問い合わせ窓口等の必要な情報を明示します。\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			ju := f.JointUse
			if ju.Declared != tt.declared {
				t.Fatalf("Declared = %v, want %v (triggers %d)", ju.Declared, tt.declared, len(ju.Triggers))
			}
			if !tt.declared {
				return
			}
			if got := jointPresence(ju); got != tt.present {
				t.Errorf("items/scope/purpose/manager/address/representative = %s, want %s", got, tt.present)
			}
			if got := len(ju.Promises) > 0; got != tt.promise {
				t.Errorf("promise = %v, want %v", got, tt.promise)
			}
		})
	}
}

// TestJointUseVague checks that vague statements are kept for messages
// but do not satisfy the item.
func TestJointUseVague(t *testing.T) {
	_, f := compute(t, "当社は、以下のとおり共同利用します。\n共同して利用する者の範囲：当社の提携先、パートナー企業\n共同して利用される個人データの項目：お客様の個人情報\n")
	ju := f.JointUse
	if !ju.Declared {
		t.Fatal("not declared")
	}
	if len(ju.Scope) != 0 || len(ju.VagueScope) == 0 {
		t.Errorf("scope = %d, vague scope = %d; want 0 and some", len(ju.Scope), len(ju.VagueScope))
	}
	if len(ju.Items) != 0 || len(ju.VagueItems) == 0 {
		t.Errorf("items = %d, vague items = %d; want 0 and some", len(ju.Items), len(ju.VagueItems))
	}
}

// TestJointUseBlanks: a drafted manager block with 【…】 blanks in its value
// slots states the manager, its address and its representative (their
// values are appi/placeholder's findings); a bracketed heading below the
// label is no value.
func TestJointUseBlanks(t *testing.T) {
	const decl = "株式会社サンプル（以下「当社」）は、以下のとおり個人データを共同利用します。\n" +
		"共同して利用される個人データの項目：氏名、住所\n共同して利用する者の範囲：当社の子会社\n利用する者の利用目的：商品の発送のため\n"
	for _, tt := range []struct{ name, text, present string }{
		{"blank manager, address and representative", decl + "当該個人データの管理について責任を有する者：【会社名】\n住所：【住所】\n代表者：【代表者の役職・氏名】\n", "111111"},
		{"postal blanks and a title before the blank", decl + "管理について責任を有する者：株式会社【会社名】\n住所：〒【郵便番号】【住所】\n代表者：代表取締役 【氏名】\n", "111111"},
		{"manager in running text", decl + "【会社名】が、当該個人データの管理について責任を有します。\n", "111100"},
		{"bracketed heading below the label", decl + "管理責任者\n【お問い合わせ窓口】\n", "111000"},
		{"other marks are no value", decl + "管理について責任を有する者：○○株式会社\n住所：○○県○○市\n代表者：代表取締役 ○○\n", "111100"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			if got := jointPresence(f.JointUse); got != tt.present {
				t.Errorf("items/scope/purpose/manager/address/representative = %s, want %s", got, tt.present)
			}
		})
	}
}
