package rx

import (
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// query is a condition on a string built from substring tests.
type query struct {
	op   queryOp
	lit  string // opLit
	fold bool   // opLit: the literal matches case-insensitively
	// scanned (opLit): the pattern's literal scan searches this literal
	// itself, so a caller that scans next need not confirm it.
	scanned bool
	// mask is, for opLit, the signature bits of the literal's runes; for
	// opAnd, bits every string satisfying the query has (those of its
	// literal conjuncts), tested at once before any of them.
	mask mask
	sub  []query // opAnd, opOr
	// quick holds, for an opOr, one mask word each alternative needs (none
	// for an alternative that needs nothing), tested in one tight loop
	// before the alternative itself.
	quick []maskWord
	// quickFolded holds, for an opOr, each alternative's bits folded into
	// one word, the same first test for a short string's probe.
	quickFolded []uint64
}

type maskWord struct {
	index uint8
	bits  uint64
}

type queryOp uint8

const (
	opAll queryOp = iota // always true: nothing is known
	opLit                // s contains lit
	opAnd
	opOr
)

// eval tests the query on s. A lone exact literal is one strings.Contains;
// anything larger first computes the signature of s once, so that each
// literal is rejected by a few bit tests instead of a scan of s.
func (q *query) eval(s string) bool {
	switch {
	case q.op == opAll:
		return true
	case q.op == opLit && !q.fold && len(s) < longString:
		return strings.Contains(s, q.lit)
	}
	p := probeOf(s)
	return q.evalSig(s, &p, false)
}

// longString is the length from which a lone literal is first tested
// against the cached signature rather than searched for.
const longString = 64

// needsSignature reports whether eval always takes a probe of the string
// (a lone exact literal takes one only for a long string, and then the
// literal scans have no use for it).
func (q *query) needsSignature() bool {
	return q.op != opAll && (q.op != opLit || q.fold)
}

// evalSig tests the query on s with its probe. With scanNext, a literal the
// caller's scan searches anyway is taken as present once its runes are.
func (q *query) evalSig(s string, p *probe, scanNext bool) bool {
	switch q.op {
	case opLit:
		if !p.has(&q.mask) {
			return false
		}
		// A case-insensitive literal is left to the matcher once its runes are present.
		return q.fold || scanNext && q.scanned || containsLit(s, q.lit)
	case opAnd:
		if !p.has(&q.mask) {
			return false
		}
		for i := range q.sub {
			if !q.sub[i].evalSig(s, p, scanNext) {
				return false
			}
		}
		return true
	case opOr:
		if sig := p.full; sig != nil {
			for i, w := range q.quick {
				if sig[w.index%sigWords]&w.bits == w.bits && q.sub[i].evalSig(s, p, scanNext) {
					return true
				}
			}
			return false
		}
		for i, f := range q.quickFolded {
			if p.small&f == f && q.sub[i].evalSig(s, p, scanNext) {
				return true
			}
		}
		return false
	}
	return true
}

// needOf returns signature bits every string satisfying q has.
func (q *query) needOf() mask {
	if q.op == opLit || q.op == opAnd {
		return q.mask
	}
	return mask{} // the alternatives of an OR rarely share a bit worth a test
}

// markScanned marks the literals of q that are in set.
func (q *query) markScanned(set []string) {
	if q.op == opLit && !q.fold && contains(set, q.lit) {
		q.scanned = true
	}
	for i := range q.sub {
		q.sub[i].markScanned(set)
	}
}

func (q query) String() string {
	switch q.op {
	case opLit:
		if q.fold {
			return `(?i)"` + q.lit + `"`
		}
		return `"` + q.lit + `"`
	case opAnd, opOr:
		sep := " & "
		if q.op == opOr {
			sep = " | "
		}
		parts := make([]string, len(q.sub))
		for i, c := range q.sub {
			parts[i] = c.String()
			if c.op == opAnd || c.op == opOr {
				parts[i] = "(" + parts[i] + ")"
			}
		}
		return strings.Join(parts, sep)
	}
	return "*"
}

func literal(lit string, fold bool) query {
	return query{op: opLit, lit: lit, fold: fold, mask: maskOf(lit)}
}

// and and or combine conditions, flattening nested ones of their kind: a
// condition that needs nothing drops out of an AND and makes an OR need nothing.
func and(qs ...query) query {
	q := combine(opAnd, qs)
	if q.op == opAnd {
		for i := range q.sub {
			need := q.sub[i].needOf()
			for j := 0; j < int(need.n); j++ {
				q.mask.add(need.index[j], need.bits[j])
			}
		}
	}
	return q
}

func or(qs ...query) query {
	q := combine(opOr, qs)
	if q.op == opOr {
		q.quick = make([]maskWord, len(q.sub))
		q.quickFolded = make([]uint64, len(q.sub))
		for i := range q.sub {
			if need := q.sub[i].needOf(); need.n > 0 {
				q.quick[i] = maskWord{index: need.index[0], bits: need.bits[0]}
				q.quickFolded[i] = need.folded
			}
		}
	}
	return q
}

func combine(op queryOp, qs []query) query {
	var out []query
	for _, q := range qs {
		switch {
		case q.op == opAll && op == opOr:
			return query{} // one branch needs nothing, so the whole needs nothing
		case q.op == opAll:
		case q.op == op:
			out = append(out, q.sub...)
		default:
			out = append(out, q)
		}
	}
	switch len(out) {
	case 0:
		return query{}
	case 1:
		return out[0]
	}
	return query{op: op, sub: out}
}

// anyOf is the condition "s contains one of set". A set holding "" needs
// nothing; a string that contains a shorter member is implied by it.
func anyOf(set []string) query {
	var keep []string
	for _, s := range set {
		if s == "" {
			return query{}
		}
		implied := false
		for _, t := range set {
			if t != s && len(t) < len(s) && strings.Contains(s, t) {
				implied = true
				break
			}
		}
		if !implied && !contains(keep, s) {
			keep = append(keep, s)
		}
	}
	qs := make([]query, len(keep))
	for i, s := range keep {
		qs[i] = literal(s, false)
	}
	return or(qs...)
}

func contains(set []string, s string) bool {
	for _, t := range set {
		if t == s {
			return true
		}
	}
	return false
}

// info is what is known about the strings a subexpression matches: either
// the exact set of them (when small), or a condition each one satisfies.
type info struct {
	exact []string // nil when the set is unknown or too large
	req   query    // meaningful when exact is nil
	// assert: an anchor or word boundary was read as the empty string, so
	// exact is what the pattern consumes, not a description of where it matches.
	assert bool
}

func (i info) query() query {
	if i.exact != nil {
		return anyOf(i.exact)
	}
	return i.req
}

// maxExact bounds the exact sets kept while combining by cross product, and
// maxUnion those of an alternation of literals (a list of keywords);
// beyond them the set is turned into a condition. maxClass is the largest character class kept as
// a set of one-character strings.
const (
	maxFoldStarts = 16
	maxExact      = 32
	maxUnion      = 256
	maxClass      = 16
	maxStarts     = 512
)

func analyze(re *syntax.Regexp) info {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return info{exact: []string{""}}
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return info{exact: []string{""}, assert: true}
	case syntax.OpLiteral:
		if hasRuneError(re) {
			return info{}
		}
		if re.Flags&syntax.FoldCase != 0 {
			for _, r := range re.Rune {
				if unicode.SimpleFold(r) != r {
					// Case variants: the literal is tested through the
					// signature, which folds case, not by strings.Contains.
					return info{req: literal(string(re.Rune), true)}
				}
			}
		}
		return info{exact: []string{string(re.Rune)}}
	case syntax.OpCharClass:
		if hasRuneError(re) {
			return info{}
		}
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxClass {
				return info{}
			}
		}
		set := make([]string, 0, n)
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(r))
			}
		}
		if len(set) == 0 {
			return info{} // matches nothing; claim nothing
		}
		return info{exact: set}
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		sub := analyze(re.Sub[0])
		if sub.exact != nil && len(sub.exact) < maxExact {
			// Greedy x? prefers x; lazy x?? prefers the empty string.
			if re.Flags&syntax.NonGreedy != 0 {
				return info{exact: append([]string{""}, sub.exact...), assert: sub.assert}
			}
			return info{exact: append(append([]string(nil), sub.exact...), ""), assert: sub.assert}
		}
		return info{}
	case syntax.OpPlus:
		return info{req: analyze(re.Sub[0]).query()}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return info{req: analyze(re.Sub[0]).query()}
		}
		return info{}
	case syntax.OpConcat:
		return analyzeConcat(re.Sub)
	case syntax.OpAlternate:
		subs := make([]info, len(re.Sub))
		var union []string
		allExact, assert := true, false
		for i, s := range re.Sub {
			subs[i] = analyze(s)
			if subs[i].exact == nil {
				allExact = false
			}
			assert = assert || subs[i].assert
			union = append(union, subs[i].exact...)
		}
		if allExact && len(union) <= maxUnion {
			return info{exact: union, assert: assert}
		}
		qs := make([]query, len(subs))
		for i, s := range subs {
			qs[i] = s.query()
		}
		return info{req: or(qs...)}
	}
	// OpAnyChar, OpAnyCharNotNL, OpStar, OpNoMatch: nothing required.
	return info{}
}

// analyzeConcat grows the exact set of adjacent parts by cross product while
// it stays small; a part that breaks the run adds the run's condition to the
// conjunction and starts a new run.
func analyzeConcat(parts []*syntax.Regexp) info {
	var conj []query
	run := []string{""}
	assert := false
	for _, p := range parts {
		pi := analyze(p)
		assert = assert || pi.assert
		if pi.exact != nil && len(run)*len(pi.exact) <= maxExact {
			run = cross(run, pi.exact)
			continue
		}
		conj = append(conj, anyOf(run))
		if pi.exact != nil {
			run = pi.exact
		} else {
			conj = append(conj, pi.req)
			run = []string{""}
		}
	}
	if len(conj) == 0 {
		return info{exact: run, assert: assert}
	}
	return info{req: and(append(conj, anyOf(run))...)}
}

func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// startLiterals returns literals one of which begins every match of re, or
// nil when there are none to rely on (the match may start with an
// anchor, a word boundary, an optional part or a wide class).
func startLiterals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if hasRuneError(re) {
			return nil
		}
		if re.Flags&syntax.FoldCase == 0 {
			return []string{string(re.Rune)}
		}
		// Case-insensitive: every case variant of its first runes, as
		// many runes as keep the set small (Goo, GOO, goo … rather than G
		// and g, which would start a try at every g of the text).
		out := []string{""}
		for _, r := range re.Rune {
			orbit := caseOrbit(r)
			if len(out)*len(orbit) > maxFoldStarts {
				break
			}
			variants := make([]string, len(orbit))
			for i, f := range orbit {
				variants[i] = string(f)
			}
			out = cross(out, variants)
		}
		return out
	case syntax.OpCharClass:
		in := analyze(re)
		if in.exact == nil || contains(in.exact, "") {
			return nil
		}
		return in.exact
	case syntax.OpCapture, syntax.OpPlus:
		return startLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return startLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		return concatStarts(re.Sub)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			first := startLiterals(sub)
			if first == nil {
				return nil
			}
			for _, f := range first {
				if !contains(out, f) {
					out = append(out, f)
				}
			}
			if len(out) > maxStarts {
				return nil
			}
		}
		return out
	}
	return nil
}

// maxSpan returns the most bytes a match of re can cover, or -1 when that
// is unbounded or when the pattern looks at text past its match (an end
// anchor or a word boundary), which a shortened input would change.
func maxSpan(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpNoMatch, syntax.OpBeginLine, syntax.OpBeginText:
		return 0
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return utf8.UTFMax * len(re.Rune) // a case variant may be longer (k, K: U+212A)
		}
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return utf8.RuneLen(re.Rune[len(re.Rune)-1]) // ranges are sorted: the last is the widest
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxSpan(re.Sub[0])
	case syntax.OpRepeat:
		sub := maxSpan(re.Sub[0])
		if re.Max < 0 || sub < 0 {
			return -1
		}
		return re.Max * sub
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxSpan(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	// OpStar, OpPlus, OpEndLine, OpEndText, OpWordBoundary, OpNoWordBoundary.
	return -1
}

// caseOrbit returns r and every rune that matches it case-insensitively.
func caseOrbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// hasRuneError reports whether a literal or class matches U+FFFD, which
// the matcher also matches against each invalid byte of the input: no
// substring search stands in for that.
func hasRuneError(re *syntax.Regexp) bool {
	if re.Op == syntax.OpLiteral {
		for _, r := range re.Rune {
			if r == utf8.RuneError {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i] <= utf8.RuneError && utf8.RuneError <= re.Rune[i+1] {
			return true
		}
	}
	return false
}

// concatStarts returns the start literals of a concatenation: those of its
// first part, lengthened by the parts after it while they are small exact
// sets (the parser factors 米国|英国 into [米英]国, and 国 alone would be a
// poor place to start from).
func concatStarts(parts []*syntax.Regexp) []string {
	if op := parts[0].Op; len(parts) > 1 && (op == syntax.OpWordBoundary || op == syntax.OpNoWordBoundary || op == syntax.OpBeginLine) {
		// A zero-width test of the rune before: the match starts where the
		// rest does (tries then see that rune; see Regexp.inContext).
		return concatStarts(parts[1:])
	}
	if p := parts[0]; len(parts) > 1 && (p.Op == syntax.OpQuest || p.Op == syntax.OpStar || p.Op == syntax.OpRepeat && p.Min == 0) {
		// An optional first part: a match starts where it does, or where the rest does.
		present, absent := startLiterals(p.Sub[0]), concatStarts(parts[1:])
		if present == nil || absent == nil || len(present)+len(absent) > maxStarts {
			return nil
		}
		return append(append([]string(nil), present...), absent...)
	}
	starts := startLiterals(parts[0])
	if first := analyze(parts[0]); starts == nil || first.exact == nil || first.assert || len(first.exact) != len(starts) {
		return starts // the first part is more than its start literals: nothing can follow them
	}
	for _, p := range parts[1:] {
		in := analyze(p)
		if in.exact == nil || in.assert || len(starts)*len(in.exact) > maxExact {
			break
		}
		starts = cross(starts, in.exact)
	}
	return starts
}

// leadRunes returns, for a pattern anchored at the start of the text (^ or
// \A without (?m)), the runes its match can begin with as sorted, merged
// ranges; nil when the pattern is not so anchored or can match the empty
// string (then every text may match).
func leadRunes(re *syntax.Regexp) []rune {
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	ranges, nullable := leadOf(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]})
	if nullable {
		return nil
	}
	return mergeRanges(ranges)
}

// leadOf returns the runes a match of re can begin with (unmerged ranges)
// and whether re can match the empty string.
func leadOf(re *syntax.Regexp) ([]rune, bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return nil, false
	case syntax.OpLiteral:
		r := re.Rune[0]
		if re.Flags&syntax.FoldCase == 0 {
			return []rune{r, r}, false
		}
		var out []rune
		for _, f := range caseOrbit(r) {
			out = append(out, f, f)
		}
		return out, false
	case syntax.OpCharClass:
		return re.Rune, false
	case syntax.OpAnyCharNotNL:
		return []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}, false
	case syntax.OpAnyChar:
		return []rune{0, unicode.MaxRune}, false
	case syntax.OpCapture, syntax.OpPlus:
		return leadOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		r, _ := leadOf(re.Sub[0])
		return r, true
	case syntax.OpRepeat:
		r, nullable := leadOf(re.Sub[0])
		return r, nullable || re.Min == 0
	case syntax.OpConcat:
		var acc []rune
		for _, p := range re.Sub {
			r, nullable := leadOf(p)
			acc = append(acc, r...)
			if !nullable {
				return acc, false
			}
		}
		return acc, true
	case syntax.OpAlternate:
		var acc []rune
		empty := false
		for _, p := range re.Sub {
			r, nullable := leadOf(p)
			acc = append(acc, r...)
			empty = empty || nullable
		}
		return acc, empty
	}
	// The empty match and the zero-width assertions consume nothing.
	return nil, true
}

func mergeRanges(rs []rune) []rune {
	type span struct{ lo, hi rune }
	spans := make([]span, 0, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		spans = append(spans, span{rs[i], rs[i+1]})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].lo < spans[j].lo })
	out := []rune{}
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], sp.hi)
			continue
		}
		out = append(out, sp.lo, sp.hi)
	}
	return out
}

// inRanges reports whether r lies in the sorted, merged ranges.
func inRanges(r rune, ranges []rune) bool {
	i := sort.Search(len(ranges)/2, func(i int) bool { return ranges[2*i+1] >= r })
	return i < len(ranges)/2 && ranges[2*i] <= r
}

// looksBehind reports whether re tests the rune before a position: a word
// boundary or a line start, which an anchored try must be given context for.
func looksBehind(re *syntax.Regexp) bool {
	return hasOp(re, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine)
}

// hasOp reports whether re or a subexpression is one of ops.
func hasOp(re *syntax.Regexp, ops ...syntax.Op) bool {
	for _, op := range ops {
		if re.Op == op {
			return true
		}
	}
	for _, sub := range re.Sub {
		if hasOp(sub, ops...) {
			return true
		}
	}
	return false
}
