package rx

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// query is a condition on a string built from substring tests.
type query struct {
	op   queryOp
	lit  string     // opLit
	fold bool       // opLit: the literal matches case-insensitively
	mask []maskWord // opLit: the signature bits of the literal's runes
	sub  []query    // opAnd, opOr
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
func (q query) eval(s string) bool {
	switch {
	case q.op == opAll:
		return true
	case q.op == opLit && !q.fold:
		return strings.Contains(s, q.lit)
	}
	sig := signatureOf(s)
	return q.evalSig(s, &sig)
}

// needsSignature reports whether eval computes the signature.
func (q query) needsSignature() bool {
	return q.op != opAll && (q.op != opLit || q.fold)
}

func (q query) evalSig(s string, sig *signature) bool {
	switch q.op {
	case opLit:
		if !sig.has(q.mask) {
			return false
		}
		// A case-insensitive literal is left to the matcher once its runes are present.
		return q.fold || strings.Contains(s, q.lit)
	case opAnd:
		for _, c := range q.sub {
			if !c.evalSig(s, sig) {
				return false
			}
		}
		return true
	case opOr:
		for _, c := range q.sub {
			if c.evalSig(s, sig) {
				return true
			}
		}
		return false
	}
	return true
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

func and(qs ...query) query {
	var out []query
	for _, q := range qs {
		switch q.op {
		case opAll:
		case opAnd:
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
	return query{op: opAnd, sub: out}
}

func or(qs ...query) query {
	var out []query
	for _, q := range qs {
		switch q.op {
		case opAll:
			return query{} // one branch needs nothing, so the whole needs nothing
		case opOr:
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
	return query{op: opOr, sub: out}
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
	maxExact  = 32
	maxUnion  = 256
	maxClass  = 16
	maxStarts = 512
)

func analyze(re *syntax.Regexp) info {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return info{exact: []string{""}}
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return info{exact: []string{""}, assert: true}
	case syntax.OpLiteral:
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
	case syntax.OpLiteral, syntax.OpCharClass:
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
		return startLiterals(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			first := startLiterals(sub)
			if first == nil {
				return nil
			}
			out = append(out, first...)
			if len(out) > maxStarts {
				return nil
			}
		}
		return out
	}
	return nil
}
