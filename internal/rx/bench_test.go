package rx

import "testing"

// A sentence of a typical length, and patterns of each kind the rules use:
// the figures are per call, the unit the rules multiply by hundreds of
// patterns per sentence.
const benchSentence = "当社は、お客様の個人情報を、利用目的の達成に必要な範囲内で、業務委託先に提供することがあります。この場合、当社は委託先に対して必要かつ適切な監督を行います。"

var benchPatterns = map[string]string{
	"literals-miss": `認定個人情報保護団体|認定団体`,
	"literals-hit":  `業務委託先|委託先`,
	"starts-miss":   `(?:米国|英国|中国)(?:に|の)[^。]{0,12}?(?:第三者|事業者)`,
	"starts-hit":    `(?:当社|弊社)は[^。]{0,20}?提供`,
	"regexp-miss":   `(?i)cookie[^。]*(?:第三者|提携先)`,
	"regexp-hit":    `個人情報[^。]*提供`,
}

func BenchmarkMatchString(b *testing.B) {
	for name, expr := range benchPatterns {
		re := MustCompile(expr)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				re.MatchString(benchSentence)
			}
		})
		b.Run(name+"/stdlib", func(b *testing.B) {
			for b.Loop() {
				re.compiled().MatchString(benchSentence)
			}
		})
	}
}

func BenchmarkFindAllStringIndex(b *testing.B) {
	for name, expr := range benchPatterns {
		re := MustCompile(expr)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				re.FindAllStringIndex(benchSentence, -1)
			}
		})
		b.Run(name+"/stdlib", func(b *testing.B) {
			for b.Loop() {
				re.compiled().FindAllStringIndex(benchSentence, -1)
			}
		})
	}
}

func BenchmarkPrefilterOr20(b *testing.B) {
	re := MustCompile(`閲覧履歴|行動履歴|アクセス履歴|利用履歴|購買履歴|購入履歴|検索履歴|視聴履歴|位置情報|端末識別子|端末情報|端末機器情報|デバイス情報|機器情報|広告ID|広告識別子|利用状況|利用環境|行動データ|イベント情報`)
	for b.Loop() {
		re.MayMatch(benchSentence)
	}
}
