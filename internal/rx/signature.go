package rx

import (
	"unicode"
	"unicode/utf8"
)

// signature is a 512-bit set of the (case-folded, hashed) runes of a
// string. If s contains a literal, every rune of the literal is in s, so
// the literal's bits are all set in s's signature: a missing bit proves the
// literal absent. Collisions only let more strings through.
type signature [8]uint64

// maskWord is one word of a literal's bits; a literal has few runes, so
// its mask is kept sparse.
type maskWord struct {
	index int
	bits  uint64
}

func signatureOf(s string) signature {
	var g signature
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case 0xE3 <= c && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// U+3000..U+9FFF (kana, CJK): decoded inline, as it is most of
			// the text; foldRune leaves these runes alone.
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		b := runeBit(r)
		g[b>>6] |= 1 << (b & 63)
	}
	return g
}

func (g *signature) has(mask []maskWord) bool {
	for _, w := range mask {
		if g[w.index]&w.bits != w.bits {
			return false
		}
	}
	return true
}

func maskOf(lit string) []maskWord {
	var g signature
	for _, r := range lit {
		b := runeBit(r)
		g[b>>6] |= 1 << (b & 63)
	}
	var out []maskWord
	for i, w := range g {
		if w != 0 {
			out = append(out, maskWord{index: i, bits: w})
		}
	}
	return out
}

// runeBit hashes the case-folded rune to one of 512 bits.
func runeBit(r rune) uint32 {
	return uint32(foldRune(r)) * 0x9E3779B1 >> 23
}

// foldRune maps a rune to the smallest rune of its simple case-folding
// orbit, the equivalence (?i) matches by: 'k', 'K' and U+212A KELVIN SIGN
// all map to 'K'.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	case 0x3000 <= r && r < 0xA000:
		return r // kana and CJK ideographs have no case (tested)
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < least {
			least = f
		}
	}
	return least
}
