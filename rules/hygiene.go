package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Dates the hygiene rules compare against. They are variables so that a
// rule pack can move them when the law changes again.
var (
	// StaleRevisionCutoff is when the 2020/2021 amendments took effect for
	// private businesses (and the APPI was renumbered): a policy whose
	// latest date is earlier cannot reflect them.
	StaleRevisionCutoff = time.Date(2022, time.April, 1, 0, 0, 0, 0, time.UTC)
	// RenumberingDate is when old 第15〜35条 became 第17〜40条.
	RenumberingDate = time.Date(2022, time.April, 1, 0, 0, 0, 0, time.UTC)
	// PPCSupervisionDate is when the PPC took over supervision from the
	// 主務大臣 and the 5,000-person threshold was abolished.
	PPCSupervisionDate = time.Date(2017, time.May, 30, 0, 0, 0, 0, time.UTC)
)

var hygieneRules = []*engine.Rule{outdatedArticleRule, outdatedTermRule, staleRevisionRule, hedgedObligationRule}

// ---------------------------------------------------------------------------
// appi/outdated-article

// articleConcept is a duty of the APPI recognisable from the words around a
// citation, with its article today and the numbers it had before.
type articleConcept struct {
	name    string
	words   *rx.Regexp
	current []int
	// old maps a former article number to today's.
	old map[int]int
}

// articleConcepts: numbers before 2022-04-01 (2017 version) and, where the
// duty existed, before 2017-05-30 (2003 version).
var articleConcepts = []articleConcept{
	{"オプトアウトによる第三者提供", rx.MustCompile(`オプトアウト|本人の求めに応じて[^。]{0,20}停止`), []int{27}, map[int]int{23: 27}},
	{"第三者提供の制限", rx.MustCompile(`第三者(?:へ|に)?の?(?:提供|開示)|第三者提供`), []int{27}, map[int]int{23: 27}},
	{"共同利用", rx.MustCompile(`共同(?:して)?利用`), []int{27}, map[int]int{23: 27}},
	{"委託先の監督", rx.MustCompile(`委託先[^。]{0,10}監督`), []int{25}, map[int]int{22: 25}},
	{"外国にある第三者への提供", rx.MustCompile(`外国|海外|国外`), []int{28}, map[int]int{24: 28}},
	{"第三者提供に係る記録の作成", rx.MustCompile(`記録(?:の|を)作成`), []int{29}, map[int]int{25: 29}},
	{"第三者提供を受ける際の確認", rx.MustCompile(`提供を受ける際の確認|確認[^。]{0,10}記録`), []int{30}, map[int]int{26: 30}},
	{"保有個人データに関する事項の公表等", rx.MustCompile(`保有個人データに関する事項|本人の知り得る状態|公表等`), []int{32}, map[int]int{27: 32, 24: 32}},
	{"利用目的の通知", rx.MustCompile(`利用目的の(?:通知|公表|明示)`), []int{21, 32}, map[int]int{18: 21, 27: 32, 24: 32}},
	{"開示", rx.MustCompile(`(?:保有個人データ|個人情報)の開示|開示(?:の)?(?:ご)?(?:請求|求め)|開示等`), []int{33}, map[int]int{28: 33, 25: 33}},
	{"訂正等", rx.MustCompile(`訂正`), []int{34}, map[int]int{29: 34, 26: 34}},
	{"利用停止等", rx.MustCompile(`利用(?:の)?停止|消去|提供の停止`), []int{35}, map[int]int{30: 35, 27: 35}},
	{"理由の説明", rx.MustCompile(`理由(?:を|の)?説明`), []int{36}, map[int]int{31: 36, 28: 36}},
	{"開示等の請求等に応じる手続", rx.MustCompile(`(?:請求|求め)(?:等)?に応じる手続`), []int{37}, map[int]int{32: 37, 29: 37}},
	{"手数料", rx.MustCompile(`手数料`), []int{38}, map[int]int{33: 38, 30: 38}},
	{"苦情の処理", rx.MustCompile(`苦情`), []int{40}, map[int]int{35: 40, 31: 40}},
	{"利用目的の特定", rx.MustCompile(`利用目的(?:の|を)(?:できる限り)?特定`), []int{17}, map[int]int{15: 17}},
	{"利用目的による制限", rx.MustCompile(`目的外(?:の)?利用|利用目的の(?:達成に必要な)?範囲|利用目的による制限`), []int{18}, map[int]int{16: 18}},
	{"適正な取得", rx.MustCompile(`適正(?:な)?取得|不正の手段|要配慮個人情報`), []int{20}, map[int]int{17: 20}},
	{"データ内容の正確性の確保", rx.MustCompile(`正確性|正確かつ最新|最新の内容`), []int{22}, map[int]int{19: 22}},
	{"安全管理措置", rx.MustCompile(`安全管理`), []int{23}, map[int]int{20: 23}},
	{"従業者の監督", rx.MustCompile(`従業者の監督`), []int{24}, map[int]int{21: 24}},
}

// contextRunes bounds how far from a citation its context words may be.
const (
	contextBeforeRunes = 40
	contextAfterRunes  = 25
)

var outdatedArticleRule = &engine.Rule{
	ID:       "appi/outdated-article",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "令和3年改正法(2022年4月1日施行)による条番号の変更", EN: "APPI as renumbered on 2022-04-01"},
	Title:    engine.Text{JA: "改正前の条番号の引用", EN: "Citation of a pre-2022 APPI article number"},
	Doc: engine.Text{
		JA: "個人情報保護法の条文が、2022年4月1日の条番号変更より前の番号で引用されていると報告します（例：オプトアウトについて第23条第2項→現行第27条第2項、開示について第28条→現行第33条）。引用の前後の語から条文の内容を判断し、同じ番号が現行の意味で使われている場合や、電気通信事業法など他の法令の条文は報告しません。",
		EN: "Reports an APPI article cited with its number from before the 2022-04-01 renumbering (e.g. opt-out as Art. 23(2), now Art. 27(2); disclosure as Art. 28, now Art. 33). The words around the citation decide which duty is meant; a number used with its current meaning, and articles of other laws such as the Telecommunications Business Act, are not reported.",
	},
	Missing: engine.Text{JA: "改正前の条番号が引用されています。現行の条番号に改めてください。", EN: "A pre-2022 article number is cited; update it to the current number."},
	Fix: engine.Text{
		JA: "個人情報の保護に関する法律第27条第2項",
		EN: "Replace the old article number with the current one (old 第15〜35条 are now 第17〜40条; e.g. 第23条 → 第27条, 第28条 → 第33条).",
	},
	Good: "オプトアウト制度（個人情報の保護に関する法律第27条第2項）を利用した第三者提供は行いません。",
	Bad:  "オプトアウト制度（個人情報の保護に関する法律第23条第2項）を利用した第三者提供は行いません。",
	Run:  runOutdatedArticle,
}

func runOutdatedArticle(p *engine.Pass) {
	if p.Config.AsOf.Before(RenumberingDate) {
		p.NA("基準日が条番号変更(2022年4月1日)より前です")
		return
	}
	cited := 0
	for _, c := range p.Facts.Citations {
		if c.Law != facts.LawAPPI {
			continue
		}
		cited++
		concept, now, ok := outdatedMeaning(c)
		if !ok {
			continue
		}
		repl := renumber(c.Text, now)
		p.Report(c.Span, engine.Text{
			JA: fmt.Sprintf("「%s」は改正前の条番号です。%sは2022年4月1日以降、個人情報保護法第%d条に規定されています。「%s」に改めてください。", c.Text, concept, now, repl),
			EN: fmt.Sprintf("%q is a pre-2022 article number: since 2022-04-01 this duty (%s) is APPI Art. %d. Cite %q instead.", c.Text, concept, now, repl),
		}, repl)
	}
	if cited == 0 {
		p.NA("個人情報保護法の条文の引用がありません")
	}
}

// outdatedMeaning decides whether a citation uses a former number: the
// words next to it name a duty whose article today differs from the cited
// one and whose former article is the cited one. When the words name
// several duties, any of which the number fits today, it is not reported.
func outdatedMeaning(c facts.Citation) (concept string, now int, ok bool) {
	if c.Branch != 0 {
		return "", 0, false
	}
	ctx := citationContext(c)
	if formerLaw.MatchString(lastRunesOf(c.Before, 20)) {
		return "", 0, false // 改正前の第23条: the old number on purpose
	}
	var matched []articleConcept
	for _, ac := range articleConcepts {
		if ac.words.MatchString(ctx) {
			matched = append(matched, ac)
		}
	}
	for _, ac := range matched {
		for _, n := range ac.current {
			if n == c.Article {
				return "", 0, false
			}
		}
	}
	for _, ac := range matched {
		if to, found := ac.old[c.Article]; found {
			return ac.name, to, true
		}
	}
	return "", 0, false
}

var citedNumber = rx.MustCompile(`\d+`)

// renumber writes the citation with the article number replaced, keeping
// its 項 and 号: 第23条第2項 → 第27条第2項.
func renumber(text string, article int) string {
	loc := citedNumber.FindStringIndex(text)
	if loc == nil {
		return text
	}
	return text[:loc[0]] + strconv.Itoa(article) + text[loc[1]:]
}

// formerLaw marks a citation of the law as it stood before an amendment.
var formerLaw = rx.MustCompile(`改正前|旧(?:法|個人情報保護法|個情法)|旧第`)

// lastRunesOf returns the last n runes of s.
func lastRunesOf(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

// citationContext is the text next to a citation that tells which duty it
// means, with a mark where the citation stands.
func citationContext(c facts.Citation) string {
	after := []rune(c.After)
	if len(after) > contextAfterRunes {
		after = after[:contextAfterRunes]
	}
	return lastRunesOf(c.Before, contextBeforeRunes) + "〓" + string(after)
}

// ---------------------------------------------------------------------------
// appi/outdated-term

// outdatedTerm is wording the law no longer supports, from a date on.
type outdatedTerm struct {
	re *rx.Regexp
	// numeric terms must not continue a longer number (15,000人, 26か月).
	numeric bool
	since   time.Time
	why     engine.Text
	instead string
}

var outdatedTerms = []outdatedTerm{
	{
		re:    rx.MustCompile(`主務大臣`),
		since: PPCSupervisionDate,
		why: engine.Text{
			JA: "「主務大臣」は2017年5月30日に個人情報保護委員会へ監督が一元化される前の用語です",
			EN: "「主務大臣」 (the competent minister) predates the PPC's supervision from 2017-05-30",
		},
		instead: "個人情報保護委員会",
	},
	{
		re:    rx.MustCompile(`経済産業(?:省|分野)[^。]{0,20}ガイドライン`),
		since: PPCSupervisionDate,
		why: engine.Text{
			JA: "経済産業分野を対象とするガイドラインは2017年5月30日に廃止され、個人情報保護委員会のガイドラインに一元化されています",
			EN: "the METI-sector guidelines were abolished on 2017-05-30 in favour of the PPC's guidelines",
		},
		instead: "個人情報保護委員会のガイドライン",
	},
	{
		re:      rx.MustCompile(`5,?000\s*(?:人|件|名)(?:分)?(?:を超え|超|以下|未満|以上|を上回)`),
		numeric: true,
		since:   PPCSupervisionDate,
		why: engine.Text{
			JA: "取り扱う個人情報が5,000人分以下の事業者を除外する要件は2017年5月30日に廃止されています",
			EN: "the 5,000-person threshold for a personal-information handling business was abolished on 2017-05-30",
		},
		instead: "（削除：取り扱う個人情報の数にかかわらず個人情報取扱事業者に該当します）",
	},
	{
		re:      rx.MustCompile(`6\s*(?:か|ヶ|ケ|カ|箇|ヵ)月以内に消去[^。]{0,40}(?:除|含まれ(?:ない|ません)|該当し(?:ない|ません)|対象外)`),
		numeric: true,
		since:   RenumberingDate,
		why: engine.Text{
			JA: "6か月以内に消去する短期保存データを保有個人データから除く扱いは2022年4月1日に廃止されています",
			EN: "data deleted within six months has counted as 保有個人データ since 2022-04-01",
		},
		instead: "（削除：6か月以内に消去するデータも保有個人データに含まれます）",
	},
}

var outdatedTermRule = &engine.Rule{
	ID:       "appi/outdated-term",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "平成27年改正法(2017年5月30日施行)・令和2年改正法(2022年4月1日施行)", EN: "APPI as amended in 2015 (in force 2017-05-30) and 2020 (in force 2022-04-01)"},
	Title:    engine.Text{JA: "改正前の用語・要件", EN: "Superseded term or requirement"},
	Doc: engine.Text{
		JA: "法改正で使われなくなった用語や廃止された要件を報告します：主務大臣（のガイドライン）、経済産業分野のガイドライン、個人情報取扱事業者の5,000人要件、6か月以内に消去するデータを保有個人データから除く扱い。現行の用語（個人情報保護委員会のガイドライン等）に改めてください。",
		EN: "Reports wording the amendments superseded: 主務大臣 (and its guidelines), the METI-sector guidelines, the 5,000-person threshold for handling businesses, and excluding data deleted within six months from 保有個人データ. Replace it with current wording (the PPC's guidelines, etc.).",
	},
	Missing: engine.Text{JA: "改正前の用語が使われています。現行の用語に改めてください。", EN: "Superseded wording is used; replace it with current wording."},
	Fix: engine.Text{
		JA: "個人情報の保護に関する法律、個人情報保護委員会のガイドラインその他の関係法令等を遵守します。",
		EN: "Refer to the Personal Information Protection Commission's guidelines instead of 主務大臣, and delete abolished thresholds and exclusions.",
	},
	Good: "個人情報保護委員会のガイドラインに定められた義務を遵守します。",
	Bad:  "主務大臣のガイドラインに定められた義務を遵守します。",
	Run:  runOutdatedTerm,
}

func runOutdatedTerm(p *engine.Pass) {
	for _, t := range outdatedTerms {
		if p.Config.AsOf.Before(t.since) {
			continue
		}
		for _, m := range FindAll(p.Doc, t.re) {
			if t.numeric && continuesNumber(p.Doc.Text, m.Span.Start) {
				continue
			}
			sp := m.Span
			term := p.Doc.Slice(sp)
			p.Report(sp, engine.Text{
				JA: fmt.Sprintf("%s（「%s」）。現行の用語に改めてください（例：%s）。", t.why.JA, term, t.instead),
				EN: fmt.Sprintf("%q: %s. Replace it with current wording (e.g. %s).", term, t.why.EN, t.instead),
			}, t.instead)
		}
	}
}

// continuesNumber reports whether the text before off ends in a digit or a
// thousands separator, so that a match there is the tail of a larger number.
func continuesNumber(text string, off int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:off])
	return r >= '0' && r <= '9' || r == ','
}

// ---------------------------------------------------------------------------
// appi/stale-revision

var staleRevisionRule = &engine.Rule{
	ID:       "appi/stale-revision",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "令和2年・令和3年改正法(2022年4月1日施行)", EN: "APPI amendments in force since 2022-04-01"},
	Title:    engine.Text{JA: "2022年改正前の改定日", EN: "Last revised before the 2022 amendment"},
	Doc: engine.Text{
		JA: "ポリシーの制定日・改定日・最終更新日のうち最も新しい日付が2022年4月1日より前である場合に報告します（その後の改正：住所・代表者氏名の公表、安全管理措置の公表、第三者提供記録の開示請求等を反映できていないため）。日付の記載がないポリシーは報告しません。",
		EN: "Reports a policy whose latest enactment, revision or last-update date is before 2022-04-01: it cannot reflect the amendments in force since then (operator address and representative, published safety measures, disclosure of provision records …). A policy without a date is not reported.",
	},
	Missing: engine.Text{JA: "最終改定日が2022年4月1日より前です。現行法に合わせて見直し、改定日を更新してください。", EN: "The policy was last revised before 2022-04-01; review it against the current law and update its date."},
	Fix: engine.Text{
		JA: "【制定日】制定\n【改定日】改定",
		EN: "Review the policy against the APPI as in force since 2022-04-01 and add the new revision date (改定日).",
	},
	Good: "制定日：2015年4月1日\n改定日：2022年4月1日",
	Bad:  "制定日：2015年4月1日\n改定日：2019年10月1日",
	Run:  runStaleRevision,
}

func runStaleRevision(p *engine.Pass) {
	if p.Config.AsOf.Before(StaleRevisionCutoff) {
		p.NA("基準日が2022年4月1日より前です")
		return
	}
	var latest *facts.Date
	for i := range p.Facts.Dates {
		d := &p.Facts.Dates[i]
		if !d.Versions() {
			continue
		}
		if latest == nil || !d.Time.Before(latest.Time) {
			latest = d
		}
	}
	if latest == nil {
		p.NA("ポリシーに制定日・改定日の記載がありません")
		return
	}
	if !latest.Time.Before(StaleRevisionCutoff) {
		return // ok; a hygiene rule has findings, not evidence
	}
	label := latest.Label
	if label == "" {
		label = "日付"
	}
	p.Report(latest.Span, engine.Text{
		JA: fmt.Sprintf("最新の%s「%s」が2022年4月1日より前です。2022年4月1日施行の改正（住所・代表者氏名、安全管理措置、第三者提供記録の開示等）を反映しているか見直し、改定日を更新してください。", label, latest.Text),
		EN: fmt.Sprintf("The latest date of the policy (%s %q) is before 2022-04-01: review the policy against the amendments in force since then and update its revision date.", label, latest.Text),
	}, "【改定日】改定")
}

// ---------------------------------------------------------------------------
// appi/hedged-obligation

var (
	// The hedged predicate names a duty the law makes mandatory.
	hedgedSafety  = rx.MustCompile(`安全管理(?:措置|のため|を)|安全に管理|(?:安全|セキュリティ|保護)(?:対策|措置)を(?:講|実施|行|施|と)|(?:必要|適切|合理的)(?:かつ(?:適切|合理的))?な(?:安全)?(?:措置|対策)を(?:講|実施|行|施|と)`)
	requestTypes  = rx.MustCompile(`開示|訂正|利用(?:の)?停止|消去|提供の停止`)
	requestWords  = rx.MustCompile(`請求|求め|申(?:し)?出|依頼|要望|希望|申請`)
	requestAnswer = rx.MustCompile(`対応|応じ|回答|処理`)
	purposeNotice = rx.MustCompile(`利用目的[^。]{0,30}(?:公表|通知|明示|周知|お知らせ)`)
	thirdParty    = rx.MustCompile(`第三者`)
	consentGiven  = rx.MustCompile(`同意(?:を)?(?:得|いただ|頂)|(?:提供|開示)し(?:ない|ません)`)
	collection    = rx.MustCompile(`取得|収集`)
	// Duties that are themselves efforts, or not duties at all.
	effortDuties = rx.MustCompile(`正確|最新|苦情|改善|見直|向上|維持|継続|教育|研修|啓発|理解|信頼|期待|配慮|遵守|消去するよう|廃棄`)
	// Measures stated as taken elsewhere in the sentence.
	measuresTaken = rx.MustCompile(`(?:措置|対策)を(?:講じ|講ず|実施|施し|行)|(?:講じ|実施し|施し)(?:て(?:い|お)|ます|、)`)
)

var hedgedObligationRule = &engine.Rule{
	ID:       "appi/hedged-obligation",
	Severity: engine.Info,
	Article:  engine.Text{JA: "法21条・23条・27条・33〜35条", EN: "APPI Arts. 21, 23, 27, 33-35"},
	Title:    engine.Text{JA: "義務の努力目標化", EN: "Mandatory duty phrased as an effort"},
	Doc: engine.Text{
		JA: "法律上の義務（安全管理措置 23条、開示・訂正・利用停止等への対応 33〜35条、利用目的の公表・通知 21条、第三者提供の同意 27条）が「〜よう努めます」のような努力目標として書かれている箇所を報告します。正確性の確保（22条）や苦情処理（40条）のようにそれ自体が努力義務であるもの、取得時の同意には適用しません。",
		EN: "Reports a mandatory duty (safety measures, Art. 23; responding to disclosure, correction and suspension requests, Arts. 33-35; publishing or notifying purposes, Art. 21; consent to third-party provision, Art. 27) phrased as a mere effort (〜よう努めます). Duties that are themselves efforts (accuracy, Art. 22; complaints, Art. 40) and consent at collection are not reported.",
	},
	Missing: engine.Text{JA: "法律上の義務が努力目標として書かれています。「〜します」と断定的に記載してください。", EN: "A mandatory duty is phrased as an effort; state it as a commitment."},
	Fix: engine.Text{
		JA: "開示、訂正、利用停止等のご請求には、法令に従い遅滞なく対応します。",
		EN: "State the duty as a commitment (〜します) instead of an effort (〜よう努めます).",
	},
	Good: "開示等のご請求には、法令に従い遅滞なく対応します。",
	Bad:  "開示等のご請求には、適切かつ迅速に対応するよう努めます。",
	Run:  runHedgedObligation,
}

func runHedgedObligation(p *engine.Pass) {
	for _, s := range p.Doc.Sentences {
		if !strings.Contains(s.Text, "努") {
			continue
		}
		for i, t := range s.Tokens {
			if t.Base != "努める" && t.Base != "努力" && t.Surface != "努め" {
				continue
			}
			if c := s.ClauseAt(t.Span.Start); c != nil && c.Negated {
				continue
			}
			h, ok := hedgeAt(p.Doc, s, i)
			if !ok {
				continue
			}
			duty := hedgedDuty(p.Doc, s, h)
			if duty.JA == "" {
				continue
			}
			quote := quotedTail(p.Doc.Slice(h.span), 30)
			p.Report(h.span, engine.Text{
				JA: fmt.Sprintf("%sは法律上の義務ですが、「%s」と努力目標として書かれています。「〜します」と断定的に記載してください。", duty.JA, quote),
				EN: fmt.Sprintf("%s is a legal duty but is phrased as an effort (%q); state it as a commitment.", duty.EN, quote),
			}, definiteForm(h.predicate))
		}
	}
}

// quotedTail shortens a quotation to its last n runes, marking the cut.
func quotedTail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

// hedge is an effort phrase: the predicate the effort applies to and the
// span from its start to the end of 努めます.
type hedge struct {
	span      model.Span
	predicate string // the hedged predicate without よう/ことに (適切な対応を行う)
	prefix    string // the sentence before the effort word
	segStart  int    // byte offset where the hedged predicate starts
	effortEnd int    // byte offset after the effort phrase
}

// hedgeAt finds the predicate that the effort word at token i governs: back
// to the previous coordinated predicate (講じ、 / 実施し、 / とともに、 / ため、),
// not across commas inside a noun list or after a condition (場合は、).
func hedgeAt(doc *model.Document, s *model.Sentence, i int) (hedge, bool) {
	toks := s.Tokens
	start := 0
	for j := i - 1; j > 0; j-- {
		if toks[j].Surface != "、" && toks[j].Surface != "," {
			continue
		}
		if coordinationBoundary(toks, j) {
			start = j + 1
			break
		}
	}
	if start >= i {
		return hedge{}, false
	}
	end := i + 1
	for end < len(toks) && effortTail(toks[end]) {
		end++
	}
	segStart := toks[start].Span.Start
	pred := doc.Text[segStart:toks[i].Span.Start]
	pred = strings.TrimSpace(pred)
	for _, suf := range []string{"ように", "よう", "ことに", "べく", "に"} {
		if strings.HasSuffix(pred, suf) {
			pred = strings.TrimSuffix(pred, suf)
			if suf == "に" {
				pred += "を行う" // 対応に努めます → 対応を行う
			}
			break
		}
	}
	return hedge{
		span:      model.Span{Start: segStart, End: toks[end-1].Span.End},
		predicate: pred,
		prefix:    doc.Text[s.Span.Start:toks[i].Span.Start],
		segStart:  segStart,
		effortEnd: toks[end-1].Span.End,
	}, true
}

// coordinationBoundary reports whether the comma at j ends a predicate of
// its own (so the effort after it does not govern what precedes it).
func coordinationBoundary(toks []model.Token, j int) bool {
	prev := toks[j-1]
	switch {
	case prev.POS == "動詞" || prev.POS == "助動詞" && prev.Base != "だ":
		return true
	case prev.POS2 == "接続助詞" && prev.Base != "が":
		return true
	case prev.Surface == "ともに" || prev.Surface == "ため" || prev.Surface == "為":
		return true
	case prev.Surface == "に" && j >= 2 && (toks[j-2].Surface == "ため" || toks[j-2].Surface == "為"):
		return true
	case prev.Surface == "で" && j >= 2 && (toks[j-2].Surface == "上" || toks[j-2].Surface == "うえ"):
		return true
	}
	return false
}

// effortTail reports whether a token continues 努め (ます, て, おり, まいり …).
func effortTail(t model.Token) bool {
	switch {
	case t.POS == "助動詞":
		return true
	case t.POS2 == "接続助詞" && (t.Surface == "て" || t.Surface == "で"):
		return true
	case t.POS == "動詞" && (t.Base == "いる" || t.Base == "おる" || t.Base == "まいる" || t.Base == "参る" || t.Base == "いく" || t.Base == "する" || t.Base == "いたす" || t.Base == "致す"):
		return true
	}
	return false
}

// hedgedDuty names the mandatory duty a hedge weakens, or returns an empty
// text when the hedge concerns an effort duty or no duty.
func hedgedDuty(doc *model.Document, s *model.Sentence, h hedge) engine.Text {
	pred := h.predicate
	if effortDuties.MatchString(pred) {
		return engine.Text{}
	}
	switch {
	case requestAnswer.MatchString(pred) && requestTypes.MatchString(h.prefix) && requestWords.MatchString(h.prefix):
		return engine.Text{JA: "開示・訂正・利用停止等の請求への対応（法33〜35条）", EN: "Responding to requests for disclosure, correction or suspension (Arts. 33-35)"}
	case hedgedSafety.MatchString(pred):
		// Measures stated as taken beside the hedge make it borderline.
		rest := doc.Text[s.Span.Start:h.segStart] + doc.Text[h.effortEnd:s.Span.End]
		if measuresTaken.MatchString(rest) {
			return engine.Text{}
		}
		return engine.Text{JA: "安全管理措置（法23条）", EN: "Taking safety management measures (Art. 23)"}
	case purposeNotice.MatchString(pred) && !consentGiven.MatchString(pred):
		return engine.Text{JA: "利用目的の公表・通知（法21条）", EN: "Publishing or notifying the purposes of use (Art. 21)"}
	case thirdParty.MatchString(h.prefix) && consentGiven.MatchString(pred) && !collection.MatchString(h.prefix):
		return engine.Text{JA: "第三者提供についての本人の同意（法27条1項）", EN: "Obtaining consent before providing personal data to a third party (Art. 27(1))"}
	}
	return engine.Text{}
}

// godanMasu maps the last kana of a godan verb to its ます stem.
var godanMasu = map[rune]string{'う': "い", 'く': "き", 'ぐ': "ぎ", 'す': "し", 'つ': "ち", 'ぬ': "に", 'ぶ': "び", 'む': "み"}

// definiteForm turns a hedged predicate (適切な対応を行う) into a
// commitment (適切な対応を行います).
func definiteForm(pred string) string {
	switch {
	case strings.HasSuffix(pred, "しない"):
		return strings.TrimSuffix(pred, "しない") + "しません"
	case strings.HasSuffix(pred, "する"):
		return strings.TrimSuffix(pred, "する") + "します"
	case strings.HasSuffix(pred, "ずる"):
		return strings.TrimSuffix(pred, "ずる") + "じます"
	case strings.HasSuffix(pred, "る"):
		stem := strings.TrimSuffix(pred, "る")
		r, _ := utf8.DecodeLastRuneInString(stem)
		if strings.ContainsRune("いきしちにひみりぎじびぴえけせてねへめれげぜべぺ得", r) {
			return stem + "ます" // 講じる, 応じる, 得る: 一段
		}
		return stem + "ります"
	}
	r, n := utf8.DecodeLastRuneInString(pred)
	if stem, ok := godanMasu[r]; ok {
		return pred[:len(pred)-n] + stem + "ます"
	}
	return pred + "します"
}
