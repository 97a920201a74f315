package rx

import (
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// signature is a 2048-bit set of the (case-folded, hashed) runes and
// pairs of adjacent runes of a string. If s contains a literal, the
// literal's runes and pairs all occur in s, so their bits are all set in
// s's signature: a missing bit proves the literal absent. Collisions only
// let more strings through. Pairs make the test sharp: a sentence about
// 利用目的 has the runes of 利用履歴 but not the pair 用履. With about a
// hundred bits set for a sentence, an absent literal is rejected by its
// first bit test nineteen times in twenty.
type signature [sigWords]uint64

const (
	sigWords = 32
	sigShift = 32 - 11
)

// mask is the bits of a literal, kept sparse: up to four words of the
// signature with their bits (pairs first, then runes), still a test every string
// containing the literal passes.
type mask struct {
	n      uint8
	index  [4]uint8
	bits   [4]uint64
	folded uint64 // all the literal's bits folded into one word, for a short string's probe
}

// probe is what the literal tests read of a string: the cached signature
// of a long string, or for a short one (a title, a label) its bits folded
// into one word, cheaper to compute than to look up or to clear; a string
// past sigMaxLen gets a folded word with every bit set, which every test
// passes.
type probe struct {
	full  *signature
	small uint64
}

func probeOf(s string) probe {
	switch {
	case len(s) < sigCacheMinLen:
		return probe{small: foldedSignature(s)}
	case len(s) > sigMaxLen:
		return probe{small: ^uint64(0)} // every literal may be present: search for it
	}
	return probe{full: signatureOf(s)}
}

// sigMaxLen is the longest string given a signature. A longer one (a whole
// document, a long table) has most of the signature's bits set, so its
// signature would reject almost nothing and is not worth computing.
const sigMaxLen = 4096

func (p *probe) has(m *mask) bool {
	if p.full != nil {
		return p.full.has(m)
	}
	return p.small&m.folded == m.folded
}

// The rules test one sentence against hundreds of patterns, so the
// signature of a string is remembered: sigCache maps a string's memory
// (data pointer and length) to its signature. An entry holds the string
// itself, which keeps that memory from being freed and reused for other
// bytes while the entry exists: equal pointer and length then mean equal
// contents. Slots are replaced whole through atomic pointers, so workers
// checking documents in parallel share the cache without locks. Release
// drops a finished document's entries, so the cache keeps alive only the
// documents being checked.
const (
	sigCacheBits   = 17 // 131072 slots: the strings the rules test in a 2 MB policy fit
	sigCacheSlots  = 1 << sigCacheBits
	sigCacheMinLen = 24 // shorter strings get a folded probe instead
)

type sigEntry struct {
	s   string
	sig signature
}

var sigCache [sigCacheSlots]atomic.Pointer[sigEntry]

// signatureOf returns the signature of s from the cache, computing it on a miss.
func signatureOf(s string) *signature {
	data := unsafe.StringData(s)
	h := (uint64(uintptr(unsafe.Pointer(data))) ^ uint64(len(s))*0x9E3779B1) * 0x9E3779B97F4A7C15 >> (64 - sigCacheBits)
	// Two slots per string (h and its neighbour): sentences whose hashes
	// collide can both stay, which keeps a long policy's sentences cached.
	first, second := &sigCache[h], &sigCache[h^1]
	e1 := first.Load()
	if e1 != nil && unsafe.StringData(e1.s) == data && len(e1.s) == len(s) {
		return &e1.sig
	}
	e2 := second.Load()
	if e2 != nil && unsafe.StringData(e2.s) == data && len(e2.s) == len(s) {
		return &e2.sig
	}
	e := &sigEntry{s: s, sig: computeSignature(s)}
	if e1 != nil && e2 == nil {
		store(h^1, e)
	} else {
		// Evict the first slot's entry to the second: the newer of the two stays.
		if e1 != nil {
			store(h^1, e1)
		}
		store(h, e)
	}
	return &e.sig
}

func computeSignature(s string) signature {
	var g signature
	signatureBits(s, &g)
	return g
}

// foldedSignature is computeSignature with its words ORed into one: each
// bit b set as bit b mod 64 of one word.
func foldedSignature(s string) uint64 { return signatureBits(s, nil) }

// signatureBits sets the rune and pair bits of s in g or, with g nil,
// returns them folded into one word. Runes are decoded as range over a
// string decodes them and folded (foldRune); ASCII and the three-byte runes
// of kana and ideographs (U+3000 to U+9FFF, without case), most of the
// text, are decoded inline.
func signatureBits(s string, g *signature) (folded uint64) {
	prev := rune(-1)
	for i := 0; i < len(s); {
		var f rune
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			f = rune(asciiFolded[c])
			i++
		case c-0xE3 <= 0xE9-0xE3 && i+2 < len(s) && (uint16(s[i+1])<<8|uint16(s[i+2]))&0xC0C0 == 0x8080:
			f = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var n int
			f, n = foldedSlow(s[i:])
			i += n
		}
		rb := runeBit(f)
		if g == nil {
			folded |= 1 << (rb & 63)
		} else {
			g.set(rb)
		}
		if prev >= 0 {
			pb := pairBit(prev, f)
			if g == nil {
				folded |= 1 << (pb & 63)
			} else {
				g.set(pb)
			}
		}
		prev = f
	}
	return folded
}

// asciiFolded maps an ASCII byte to its folded form (foldRune).
var asciiFolded = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(foldRune(rune(c)))
	}
	return t
}()

func foldedSlow(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	return foldRune(r), n
}

func (g *signature) set(b uint32) { g[b>>6] |= 1 << (b & 63) }

func (g *signature) has(m *mask) bool {
	for i := 0; i < int(m.n); i++ {
		if g[m.index[i]%sigWords]&m.bits[i] != m.bits[i] {
			return false
		}
	}
	return true
}

// maskOf returns the mask of a literal: its pairs of runes, then its
// runes. Words are kept in the order the bits come, up to four.
func maskOf(lit string) mask {
	var m mask
	bit := func(b uint32) { m.add(uint8(b>>6), uint64(1)<<(b&63)) }
	prev := rune(-1)
	for _, r := range lit {
		f := foldRune(r)
		if prev >= 0 {
			bit(pairBit(prev, f))
		}
		prev = f
	}
	// The runes' own bits, where words are left, sharpen the test of a
	// short literal: a sentence with the pair's bit set by another pair
	// rarely has both runes too.
	for _, r := range lit {
		bit(runeBit(foldRune(r)))
	}
	return m
}

// add requires bits of signature word w; past four words the mask keeps
// what it has, still a test every string it describes passes.
func (m *mask) add(w uint8, bits uint64) {
	for i := 0; i < int(m.n); i++ {
		if m.index[i] == w {
			m.bits[i] |= bits
			m.folded |= bits
			return
		}
	}
	if int(m.n) < len(m.index) {
		m.index[m.n], m.bits[m.n] = w, bits
		m.n++
		m.folded |= bits
	}
}

// runeBit and pairBit hash a folded rune, or two adjacent ones, to one of
// the signature's bits.
func runeBit(f rune) uint32 { return uint32(f) * 0x9E3779B1 >> sigShift }

func pairBit(p, f rune) uint32 {
	return (uint32(p)*0x85EBCA6B ^ uint32(f)*0xC2B2AE35 ^ 0x27D4EB2F) * 0x9E3779B1 >> sigShift
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

// stored records every store into the cache: the slot, the entry and where
// its string lies. Releasing a document drops its records and empties
// their slots where they still hold the entry, without reading the
// entries or sweeping the cache.
var stored struct {
	sync.Mutex
	records []storeRecord
}

type storeRecord struct {
	slot  uint64
	entry *sigEntry
	data  uintptr
}

// maxLingering bounds the records of entries that belong to no released
// text (strings the rules built); past it, Release drops them all.
const maxLingering = 1 << 13

func store(slot uint64, e *sigEntry) {
	sigCache[slot].Store(e)
	r := storeRecord{slot: slot, entry: e, data: uintptr(unsafe.Pointer(unsafe.StringData(e.s)))}
	stored.Lock()
	stored.records = append(stored.records, r)
	stored.Unlock()
}

// Release drops the cached signatures of strings that lie inside text (a
// document whose checking is over), so that the cache does not keep it
// alive.
func Release(text string) {
	if text == "" {
		return
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	hi := lo + uintptr(len(text))
	stored.Lock()
	defer stored.Unlock()
	records := stored.records
	keep := records[:0]
	for _, r := range records {
		if r.data < lo || r.data >= hi {
			keep = append(keep, r)
			continue
		}
		sigCache[r.slot].CompareAndSwap(r.entry, nil)
	}
	if len(keep) > maxLingering {
		for _, r := range keep {
			sigCache[r.slot].CompareAndSwap(r.entry, nil)
		}
		keep = keep[:0]
	}
	clear(records[len(keep):]) // the dropped records no longer hold their entries
	stored.records = keep
}
