// Package rx is regexp with literal shortcuts. From a pattern's syntax tree
// it derives what any match must contain and how it can start, and uses
// cheap string searches before (or instead of) Go's matcher:
//
//   - a prefilter: the literals every match contains (an AND/OR of
//     substrings), tested against a rune signature of the input; most of
//     the rules' patterns fail on most sentences, and are rejected here;
//   - a pattern that is a set of literals (訂正|修正|削除) is matched by
//     substring search alone;
//   - a pattern whose every match starts with one of a set of literals
//     (country names, 第, a digit) is tried, anchored, only where one of
//     them occurs, instead of at every position of the input, and an
//     alternation only with the alternatives that can start there;
//   - a pattern anchored at the text's start is rejected by its first rune,
//     given the text only up to the first rune outside its alphabet, and,
//     for a run of list markers, matched marker by marker;
//   - a try is skipped when its window lacks a literal every match contains,
//     and a pattern opening with a long alternation is tried with only the
//     alternatives that can start at the position.
//
// Results are those of package regexp, method for method (a fuzz test
// compares them); the string methods the rules use are provided.
//
// A package-level pattern is analysed and compiled on its first use, not at
// start-up: Prepare compiles them all at once, which a command does while
// the dictionary loads on another core.
package rx

import (
	"fmt"
	"math"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Regexp is a pattern with its shortcuts.
type Regexp struct {
	expr  string
	build sync.Once
	err   error // a bad pattern; MustCompile's patterns panic with it on first use
	std   *regexp.Regexp
	pre   query
	// lits, when not nil, is every string the pattern matches, in the order
	// leftmost-first matching prefers them.
	lits *litSet
	// starts, when not nil, holds literals one of which begins every
	// match; whole tries the pattern at one position, and branches, for an
	// alternation, each alternative.
	starts   *litSet
	whole    *anchoredTry
	branches []branchTry
	// lead, for a pattern anchored at the text's start, is the runes a
	// match begins with: a text starting with another cannot match.
	lead []rune
	// head, for a pattern anchored at the text's start, is the alphabet of
	// its matches when small: the matcher is given the text up to the
	// first rune outside it. onEmpty is then its match of the empty text
	// (submatch indexes, nil for none), the answer for every text whose
	// first rune is outside the alphabet.
	head    *alphabet
	onEmpty []int
	// loop, for a run of list markers at the start (^\s*(?:・|\(\d\))+), is
	// the pattern matched step by step (markerLoop).
	loop *markerLoop
}

// Compile parses expr (RE2 syntax, as regexp.Compile) and derives its shortcuts.
func Compile(expr string) (*Regexp, error) {
	re := &Regexp{expr: expr}
	re.ready()
	if re.err != nil {
		return nil, re.err
	}
	return re, nil
}

// MustCompile returns the pattern for expr, analysed and compiled on first
// use or by Prepare; a bad pattern panics then. For package-level patterns.
func MustCompile(expr string) *Regexp {
	re := &Regexp{expr: expr}
	pending.Lock()
	pending.list = append(pending.list, re)
	pending.Unlock()
	return re
}

// pending holds the patterns MustCompile made that Prepare has not built.
var pending struct {
	sync.Mutex
	list []*Regexp
}

// Prepare builds every pattern made so far with MustCompile, panicking on
// a bad one. Tests call it to check them all; commands call it while the
// dictionary loads.
func Prepare() {
	pending.Lock()
	list := pending.list
	pending.list = nil
	pending.Unlock()
	for _, re := range list {
		re.ready()
		if re.err != nil {
			panic("rx: " + re.err.Error())
		}
	}
}

// ready builds the pattern once; a MustCompile pattern that fails panics.
func (re *Regexp) ready() {
	re.build.Do(re.compile)
}

func (re *Regexp) compile() {
	std, err := regexp.Compile(re.expr)
	if err != nil {
		re.err = fmt.Errorf("Compile(%s): %w", re.expr, err)
		return
	}
	tree, err := syntax.Parse(re.expr, syntax.Perl)
	if err != nil {
		re.err = fmt.Errorf("Compile(%s): %w", re.expr, err)
		return
	}
	tree = tree.Simplify()
	in := analyze(tree)
	re.std, re.pre, re.lead = std, in.query(), leadRunes(tree)
	switch {
	case in.exact != nil && !in.assert && !contains(in.exact, "") && std.NumSubexp() == 0:
		re.lits = newLitSet(in.exact)
		re.pre.markScanned(in.exact)
	default:
		// The anchored forms wrap expr in ^(?:…); after a \Q that is never
		// closed, the wrapping would be quoted too.
		if first := startLiterals(tree); first != nil && !strings.Contains(re.expr, `\Q`) {
			re.starts, re.whole, re.branches = newLitSet(prefixFree(first)), newTry(tree, re.expr, re.pre, first), branchTries(re.expr)
			re.pre.markScanned(re.starts.lits)
		} else if anchoredAtStart(tree) {
			if re.head = newAlphabet(tree); re.head != nil {
				re.onEmpty = std.FindStringSubmatchIndex("")
			}
			if std.NumSubexp() == 0 {
				re.loop = newMarkerLoop(tree)
			}
		}
	}
}

// emptyMatches returns the matches of the empty text (one at most).
func (re *Regexp) emptyMatches(sub bool) [][]int {
	if re.onEmpty == nil {
		return nil
	}
	if sub {
		return [][]int{append([]int(nil), re.onEmpty...)}
	}
	return [][]int{{0, 0}}
}

// headOf returns the start of s that a match of a pattern anchored at the
// text's start can cover: s itself unless the pattern has a small alphabet.
func (re *Regexp) headOf(s string) string {
	if re.head == nil {
		return s
	}
	return s[:re.head.end(s, 0)]
}

// compiled returns the compiled pattern, building it first; a bad
// MustCompile pattern panics here.
func (re *Regexp) compiled() *regexp.Regexp {
	re.ready()
	if re.err != nil {
		panic("rx: " + re.err.Error())
	}
	return re.std
}

// String returns the source text of the pattern.
func (re *Regexp) String() string { return re.expr }

// NumSubexp returns the number of parenthesized subexpressions.
func (re *Regexp) NumSubexp() int { return re.compiled().NumSubexp() }

// Literals compiles the alternation of the given words, matched as they
// are (a keyword list; such a pattern is matched by substring search).
func Literals(words ...string) *Regexp {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return MustCompile(strings.Join(quoted, "|"))
}

// MayMatch reports whether s contains the literals every match needs. False
// means the pattern cannot match s; true means it might.
func (re *Regexp) MayMatch(s string) bool { re.compiled(); return re.pre.eval(s) }

// Prefilter describes the literal condition, for tests and debugging.
func (re *Regexp) Prefilter() string { re.compiled(); return re.pre.String() }

// prefixFree drops each literal that begins with another of the set: where
// it occurs, the shorter one does too, and a start position is all that counts.
func prefixFree(lits []string) []string {
	var out []string
	for _, l := range lits {
		covered := false
		for _, m := range lits {
			if len(m) < len(l) && strings.HasPrefix(l, m) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, l)
		}
	}
	return out
}

// shortcut names the way the pattern is matched, for tests.
func (re *Regexp) shortcut() string {
	re.compiled()
	switch {
	case re.lits != nil:
		return fmt.Sprintf("literals %q", re.lits.lits)
	case re.starts != nil:
		return fmt.Sprintf("starts %q", re.starts.lits)
	case re.loop != nil:
		return fmt.Sprintf("marker loop of %d", len(re.loop.alts))
	}
	return "regexp"
}

// matches returns up to n (all when n < 0) successive non-overlapping
// matches of s, as FindAllStringSubmatchIndex would, or only their [start,
// end] pairs when sub is false. Every Find method comes through here.
func (re *Regexp) matches(s string, n int, sub bool) [][]int {
	if statsOn {
		defer record(re, time.Now())
	}
	re.compiled()
	if n == 0 || re.excluded(s) {
		return nil
	}
	if re.lits == nil && re.starts == nil || len(s) > maxScanned {
		if !re.pre.eval(s) {
			return nil
		}
		if re.loop != nil {
			if end := re.loop.match(s); end >= 0 {
				return [][]int{{0, end}}
			}
			return nil
		}
		h := re.headOf(s)
		switch {
		case re.head != nil && h == "":
			return re.emptyMatches(sub)
		case sub:
			return re.std.FindAllStringSubmatchIndex(h, n)
		}
		return re.std.FindAllStringIndex(h, n)
	}
	var p probe
	pp, ok := re.admit(s, &p)
	if !ok {
		return nil
	}
	var out [][]int
	var buf scanBuf
	if re.lits != nil {
		scan, pooled := re.lits.scan(s, pp, &buf)
		for from := 0; n < 0 || len(out) < n; {
			at, which := scan.next(from)
			if at < 0 {
				break
			}
			end := at + len(re.lits.lits[which])
			out = append(out, []int{at, end})
			from = end
		}
		releaseScan(pooled)
		return out
	}
	scan, pooled := re.starts.scan(s, pp, &buf)
	for from := 0; n < 0 || len(out) < n; {
		at, _ := scan.next(from)
		if at < 0 {
			break
		}
		loc := re.tryAt(s, at, sub, pp)
		if loc == nil {
			from = at + 1 // a literal never starts inside a rune, so this skips nothing
			continue
		}
		out = append(out, loc)
		from = loc[1] // a match starts with a non-empty literal, so it is never empty
	}
	releaseScan(pooled)
	return out
}

// maxScanned is the longest text the literal scans take (they keep
// positions in int32); longer ones go to package regexp alone.
const maxScanned = math.MaxInt32

// excluded reports whether s cannot match because of its first rune.
func (re *Regexp) excluded(s string) bool {
	if re.lead == nil {
		return false
	}
	if s == "" {
		return true // the pattern needs at least one rune
	}
	r, _ := utf8.DecodeRuneInString(s)
	return !inRanges(r, re.lead)
}

// admit runs the prefilter before a literal scan. The probe it takes of
// s, when it takes one, is kept in *p and returned for the scan, which uses
// it to skip absent literals; the literals the scan searches are not
// searched here too.
func (re *Regexp) admit(s string, p *probe) (*probe, bool) {
	if !re.pre.needsSignature() {
		return nil, re.pre.eval(s)
	}
	*p = probeOf(s)
	return p, re.pre.evalSig(s, p, true)
}

// matchAt reports whether the pattern matches at position at of s, whose
// probe is p (or nil).
func (re *Regexp) matchAt(s string, at int, p *probe) bool {
	if re.branches == nil {
		return re.whole.matchAt(s, at, p)
	}
	for i := range re.branches {
		if b := &re.branches[i]; b.startsAt(s, at) && b.try.matchAt(s, at, p) {
			return true
		}
	}
	return false
}

// tryAt matches the pattern at position at of s only, returning the
// match's indexes in s (all submatches with sub) or nil. The
// alternatives of an alternation are tried alone unless submatches are
// asked for (their groups are numbered in the whole pattern).
func (re *Regexp) tryAt(s string, at int, sub bool, p *probe) []int {
	if re.branches == nil || sub {
		return re.whole.findAt(s, at, sub, p)
	}
	for i := range re.branches {
		if b := &re.branches[i]; b.startsAt(s, at) {
			if loc := b.try.findAt(s, at, false, p); loc != nil {
				return loc
			}
		}
	}
	return nil
}

func (re *Regexp) first(s string, sub bool) []int {
	if ms := re.matches(s, 1, sub); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

func (re *Regexp) MatchString(s string) bool {
	if statsOn {
		defer record(re, time.Now())
	}
	re.compiled()
	switch {
	case re.excluded(s):
		return false
	case re.lits != nil:
		return re.pre.eval(s) // the prefilter of a literal set is exact
	case re.starts == nil || len(s) > maxScanned:
		if !re.pre.eval(s) {
			return false
		}
		if re.loop != nil {
			return re.loop.match(s) >= 0
		}
		if h := re.headOf(s); re.head == nil || h != "" {
			return re.std.MatchString(h)
		}
		return re.onEmpty != nil
	}
	var p probe
	pp, ok := re.admit(s, &p)
	if !ok {
		return false
	}
	var buf scanBuf
	scan, pooled := re.starts.scan(s, pp, &buf)
	found := false
	for from := 0; ; {
		at, _ := scan.next(from)
		if at < 0 {
			break
		}
		if re.matchAt(s, at, pp) {
			found = true
			break
		}
		from = at + 1
	}
	releaseScan(pooled)
	return found
}

func (re *Regexp) FindString(s string) string {
	if loc := re.first(s, false); loc != nil {
		return s[loc[0]:loc[1]]
	}
	return ""
}

func (re *Regexp) FindStringIndex(s string) []int { return re.first(s, false) }

func (re *Regexp) FindStringSubmatchIndex(s string) []int { return re.first(s, true) }

func (re *Regexp) FindStringSubmatch(s string) []string {
	loc := re.first(s, true)
	if loc == nil {
		return nil
	}
	return substrings(s, loc)
}

func (re *Regexp) FindAllString(s string, n int) []string {
	locs := re.matches(s, n, false)
	if locs == nil {
		return nil
	}
	out := make([]string, len(locs))
	for i, loc := range locs {
		out[i] = s[loc[0]:loc[1]]
	}
	return out
}

func (re *Regexp) FindAllStringIndex(s string, n int) [][]int { return re.matches(s, n, false) }

func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int { return re.matches(s, n, true) }

func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	locs := re.matches(s, n, true)
	if locs == nil {
		return nil
	}
	out := make([][]string, len(locs))
	for i, loc := range locs {
		out[i] = substrings(s, loc)
	}
	return out
}

// substrings turns submatch indexes into strings ("" for a group that did not take part).
func substrings(s string, loc []int) []string {
	out := make([]string, len(loc)/2)
	for i := range out {
		if loc[2*i] >= 0 {
			out[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return out
}

// The replacing and splitting methods keep regexp's own code (its handling
// of $ expansions and empty matches); they skip inputs the prefilter
// rejects, give it only the head a start-anchored pattern can cover, and
// replace a list-marker run (markerLoop) themselves.

func (re *Regexp) ReplaceAllString(s, repl string) string {
	if statsOn {
		defer record(re, time.Now())
	}
	re.compiled()
	if re.excluded(s) || !re.pre.eval(s) {
		return s
	}
	if re.loop != nil {
		end := re.loop.match(s)
		switch {
		case end < 0:
			return s
		case !strings.Contains(repl, "$"):
			return repl + s[end:]
		}
		return re.std.ReplaceAllString(s[:end], repl) + s[end:] // the same one match, and its expansion
	}
	h := re.headOf(s)
	return re.std.ReplaceAllString(h, repl) + s[len(h):]
}

func (re *Regexp) ReplaceAllLiteralString(s, repl string) string {
	if statsOn {
		defer record(re, time.Now())
	}
	re.compiled()
	if re.excluded(s) || !re.pre.eval(s) {
		return s
	}
	if re.loop != nil {
		if end := re.loop.match(s); end >= 0 {
			return repl + s[end:]
		}
		return s
	}
	h := re.headOf(s)
	return re.std.ReplaceAllLiteralString(h, repl) + s[len(h):]
}

func (re *Regexp) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if statsOn {
		defer record(re, time.Now())
	}
	re.compiled()
	if re.excluded(s) || !re.pre.eval(s) {
		return s
	}
	if re.loop != nil {
		if end := re.loop.match(s); end >= 0 {
			return repl(s[:end]) + s[end:]
		}
		return s
	}
	h := re.headOf(s)
	return re.std.ReplaceAllStringFunc(h, repl) + s[len(h):]
}

// Split is regexp.Split; with no possible match it is s itself (nil for n == 0).
func (re *Regexp) Split(s string, n int) []string {
	if statsOn {
		defer record(re, time.Now())
	}
	re.compiled()
	if n == 0 {
		return nil
	}
	if s != "" && (re.excluded(s) || !re.pre.eval(s)) {
		return []string{s}
	}
	return re.std.Split(s, n)
}

// Gate joins the prefilters of several patterns: MayMatch(s) is false when
// none of them can match s. A rule that runs a family of patterns over
// every sentence asks the gate once instead of each pattern in turn.
type Gate struct {
	res   []*Regexp
	build sync.Once
	pre   query
}

// NewGate returns the gate of the patterns.
func NewGate(res ...*Regexp) *Gate { return &Gate{res: res} }

// MayMatch reports whether one of the patterns may match s.
func (g *Gate) MayMatch(s string) bool {
	g.build.Do(func() {
		pres := make([]query, len(g.res))
		for i, re := range g.res {
			re.compiled()
			pres[i] = re.pre
		}
		g.pre = or(pres...)
	})
	return g.pre.eval(s)
}
