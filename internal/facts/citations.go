package facts

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Law identifies the statute (or document) an article citation belongs to.
type Law string

// Laws a privacy policy cites.
const (
	LawUnknown  Law = ""
	LawAPPI     Law = "個人情報の保護に関する法律"
	LawOrder    Law = "個人情報の保護に関する法律施行令"
	LawRules    Law = "個人情報の保護に関する法律施行規則"
	LawTelecom  Law = "電気通信事業法"
	LawOther    Law = "other"  // another statute, named in LawName
	LawDocument Law = "policy" // the policy's own articles (第3条(第三者提供))
)

// Citation is an article of a law cited in the policy: 第27条第2項,
// 法21条1項, 第27条の12.
type Citation struct {
	Span      model.Span // the article reference, without the law's name
	Text      string
	Article   int
	Branch    int // 第27条の12 → 12
	Paragraph int // 項, 0 when not given
	Item      int // 号, 0 when not given
	Law       Law
	// LawName is the law as written or inferred from (個人情報保護法, 法,
	// 同法, 電気通信事業法 …); empty when nothing names it.
	LawName  string
	Sentence *model.Sentence
	// Before and After are the sentence's text on either side of the
	// citation, cut at the neighbouring citations so that each citation
	// keeps its own context (開示(法33条)、訂正(法34条)).
	Before, After string
}

var (
	articlePattern = rx.MustCompile(`(第\s*)?(\d{1,3})\s*条(?:\s*の\s*(\d{1,2}))?(?:\s*(?:第\s*)?(\d{1,2})\s*項)?(?:\s*(?:第\s*)?(\d{1,2})\s*号)?`)

	// Law names that can end the text just before a citation, most specific first.
	lawBeforeCitation = []struct {
		re  *rx.Regexp
		law Law
	}{
		{rx.MustCompile(`(?:個人情報(?:の)?保護(?:に関する)?法(?:律)?|個情法)?(?:施行令|政令)$`), LawOrder},
		{rx.MustCompile(`(?:個人情報(?:の)?保護(?:に関する)?法(?:律)?|個情法)?施行規則$|(?:個人情報保護)?委員会規則$`), LawRules},
		{rx.MustCompile(`電気通信事業法$`), LawTelecom},
		{rx.MustCompile(`(?:行政機関|独立行政法人等)の保有する個人情報の保護に関する法律$|(?:行政機関|独立行政法人等)個人情報保護法$`), LawOther},
		{rx.MustCompile(`(?:個人情報(?:の)?保護(?:に関する)?法(?:律)?|個情法)$`), LawAPPI},
		// 法 alone is the policy's short name for the APPI (以下「法」).
		{rx.MustCompile(`(?:^|[\s、。,「」『』()〈〉<>・:])(?:改正|本|新|旧)?法$`), LawAPPI},
		{rx.MustCompile(`[^\s、。,「」『』()〈〉<>・:]{2,30}(?:法律|法|条例|規則|令)$`), LawOther},
	}
	// aliasesBefore is the index in lawBeforeCitation before which the
	// policy's own aliases are not consulted: the specific names come first.
	aliasesBefore  = 4
	sameLawPattern = rx.MustCompile(`同(?:法|令|規則)$`)
	// A law defined by an alias: 個人情報の保護に関する法律(以下「個情法」といいます)
	aliasPattern = rx.MustCompile(`以下[、,]?\s*(?:単に)?「([^」]{1,15})」`)
	// A law named anywhere, to infer the law of a later bare citation in the sentence.
	lawMention = rx.MustCompile(`個人情報(?:の)?保護(?:に関する)?法(?:律)?(?:施行令|施行規則)?|個情法|電気通信事業法|[^\s、。,「」『』()〈〉<>・:]{2,20}(?:法律|法)`)
	// Words that end in 法 without naming a law.
	notALaw       = rx.MustCompile(`(?:方法|手法|用法|技法|作法|寸法|文法|論法|療法|話法|説法|魔法|製法|加工法)$`)
	trailingParen = rx.MustCompile(`\([^()]*\)\s*$`)
	listJoin      = rx.MustCompile(`^\s*(?:、|,|及び|および|並びに|ならびに|又は|または|若しくは|もしくは|・|から|~|〜|乃至|ないし)\s*$`)
)

// findCitations lists every article citation of the document, in order.
func findCitations(doc *model.Document) []Citation {
	var out []Citation
	aliases := map[string]Law{}
	var last lastLaw
	ownArticles := hasOwnArticles(doc)
	for _, s := range doc.Sentences {
		text := s.Text
		for _, m := range aliasPattern.FindAllStringSubmatchIndex(text, -1) {
			if law, _ := lawAt(strings.TrimRight(text[:m[0]], "( 、,"), aliases); law != LawUnknown && law != LawOther {
				last.settle(aliases) // earlier mentions are read with the aliases known then
				aliases[text[m[2]:m[3]]] = law
			}
		}
		locs := articlePattern.FindAllStringSubmatchIndex(text, -1)
		var cites []Citation
		for _, m := range locs {
			if !plausibleCitation(text, m) {
				continue
			}
			c := Citation{
				Span:     model.Span{Start: s.Span.Start + m[0], End: s.Span.Start + m[1]},
				Text:     text[m[0]:m[1]],
				Sentence: s,
			}
			c.Article, _ = strconv.Atoi(text[m[4]:m[5]])
			c.Branch = atoiGroup(text, m, 3)
			c.Paragraph = atoiGroup(text, m, 4)
			c.Item = atoiGroup(text, m, 5)
			prefix := text[:m[0]]
			switch law, name := lawAt(prefix, aliases); {
			case sameLawPattern.MatchString(strings.TrimSpace(prefix)):
				last.settle(aliases)
				c.Law, c.LawName = last.law, last.name
			case law != LawUnknown:
				c.Law, c.LawName = law, name
			case len(cites) > 0 && listJoin.MatchString(text[cites[len(cites)-1].Span.End-s.Span.Start:m[0]]):
				// 第33条、第34条: the law of the list's first citation.
				c.Law, c.LawName = cites[len(cites)-1].Law, cites[len(cites)-1].LawName
			default:
				c.Law, c.LawName = inferLaw(s, m[0], ownArticles, aliases)
			}
			if c.Law != LawUnknown && c.Law != LawDocument {
				last.set(c.Law, c.LawName)
			}
			cites = append(cites, c)
		}
		for i := range cites {
			lo, hi := 0, len(text)
			if i > 0 {
				lo = cites[i-1].Span.End - s.Span.Start
			}
			if i+1 < len(cites) {
				hi = cites[i+1].Span.Start - s.Span.Start
			}
			cites[i].Before = text[lo : cites[i].Span.Start-s.Span.Start]
			cites[i].After = text[cites[i].Span.End-s.Span.Start : hi]
		}
		out = append(out, cites...)
		// A law named without an article still sets what 同法 refers to.
		if len(cites) == 0 {
			last.pending = append(last.pending, text)
		}
	}
	return out
}

// lastLaw is what 同法 refers to: the law of the last citation, or of the
// last law named in a later sentence without citations. Those sentences
// are read only when a 同法 asks (few policies write one), latest first.
type lastLaw struct {
	law     Law
	name    string
	pending []string // sentences since the last citation, not read yet
}

func (l *lastLaw) set(law Law, name string) {
	l.law, l.name, l.pending = law, name, l.pending[:0]
}

// settle reads the pending sentences: the latest one naming a law decides.
func (l *lastLaw) settle(aliases map[string]Law) {
	for i := len(l.pending) - 1; i >= 0; i-- {
		if ms := lawMention.FindAllString(l.pending[i], -1); len(ms) > 0 {
			if law, name := lawAt(ms[len(ms)-1], aliases); law != LawUnknown {
				l.set(law, name)
				return
			}
		}
	}
	l.pending = l.pending[:0]
}

// plausibleCitation rejects matches that are not article references: a bare
// number (12条) with no 第 and no law before it, part of a longer number, or
// 条 starting another word (条件, 条例).
func plausibleCitation(text string, m []int) bool {
	if m[0] > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); r >= '0' && r <= '9' {
			return false
		}
	}
	if m[6] < 0 && m[8] < 0 && m[10] < 0 && m[1] < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[m[1]:]); strings.ContainsRune("件例約文理", r) {
			return false
		}
	}
	if m[2] >= 0 {
		return true
	}
	prefix := strings.TrimRight(text[:m[0]], " ")
	r, _ := utf8.DecodeLastRuneInString(prefix)
	return r == '法' || r == '令' || r == '則' || r == '律'
}

// lawAt reads the law named at the end of the text before a citation,
// looking through a parenthesis that follows the name (…法律(平成15年法律第57号)第23条).
func lawAt(prefix string, aliases map[string]Law) (Law, string) {
	p := strings.TrimRight(prefix, " 」』")
	if notALaw.MatchString(p) {
		return LawUnknown, ""
	}
	for i := 0; i < 2; i++ {
		for j, l := range lawBeforeCitation {
			if j == aliasesBefore {
				if law, name := aliasAt(p, aliases); law != LawUnknown {
					return law, name
				}
			}
			if loc := l.re.FindStringIndex(p); loc != nil {
				name := strings.TrimLeft(p[loc[0]:loc[1]], " 、。,「」『』()〈〉<>・:")
				if l.law == LawOther && notALaw.MatchString(name) {
					return LawUnknown, ""
				}
				return l.law, name
			}
		}
		loc := trailingParen.FindStringIndex(p)
		if loc == nil {
			break
		}
		p = strings.TrimRight(p[:loc[0]], " 」』")
	}
	return LawUnknown, ""
}

// aliasAt reads an alias the policy defined for a law (以下「法」) at the
// end of p, when the alias is a word of its own there.
func aliasAt(p string, aliases map[string]Law) (Law, string) {
	for alias, law := range aliases {
		if !strings.HasSuffix(p, alias) {
			continue
		}
		rest := p[:len(p)-len(alias)]
		if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || strings.ContainsRune(" 、。,「」『』()〈〉<>・:", r) || utf8.RuneCountInString(alias) >= 3 {
			return law, alias
		}
	}
	return LawUnknown, ""
}

// inferLaw decides the law of a citation with no law right before it: the
// policy's own article when it heads a block or the policy is itself
// divided into articles and the sentence names no law; else the last law
// named earlier in the sentence.
func inferLaw(s *model.Sentence, at int, ownArticles bool, aliases map[string]Law) (Law, string) {
	if off := s.Span.Start + at - s.Block.Span.Start; off >= 0 && off <= len(s.Block.Text) {
		if strings.Trim(s.Block.Text[:off], " \t#*-・•") == "" {
			return LawDocument, "" // 第3条(第三者提供): an article heading of the policy
		}
	}
	if ms := lawMention.FindAllString(s.Text[:at], -1); len(ms) > 0 {
		if law, name := lawAt(ms[len(ms)-1], aliases); law != LawUnknown {
			return law, name
		}
	}
	if ownArticles {
		return LawDocument, ""
	}
	return LawUnknown, ""
}

// ownArticleHead is a block that opens with an article number: the policy
// is divided into articles (第1条(目的)).
var ownArticleHead = rx.MustCompile(`^[#\s]*第\s*\d{1,3}\s*条`)

func hasOwnArticles(doc *model.Document) bool {
	n := 0
	for _, b := range doc.Blocks {
		if ownArticleHead.MatchString(b.Text) {
			n++
		}
	}
	return n >= 2
}

func atoiGroup(text string, m []int, g int) int {
	if m[2*g] < 0 {
		return 0
	}
	n, _ := strconv.Atoi(text[m[2*g]:m[2*g+1]])
	return n
}
