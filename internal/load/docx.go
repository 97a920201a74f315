package load

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// DOCX input is read with archive/zip and a streaming encoding/xml decoder
// over word/document.xml; styles.xml and numbering.xml are read (best
// effort) to recognise headings and to rebuild list numbers such as "(1)"
// or "第1条", which Word stores as numbering definitions, not as text.

// docxNote tells the reader what line and column mean for a DOCX.
const docxNote = "positions refer to the text extracted from the DOCX: line N is its N-th non-empty paragraph, list item or table row (a manual line break also starts a line)"

// docxMaxEntries bounds the zip directory; real DOCX files have a few dozen
// entries.
const docxMaxEntries = 10000

const (
	nsWord       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC         = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var (
	oleMagic          = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	oleEncryptionInfo = utf16LE("EncryptionInfo")
	errExpand         = errors.New("DOCX expands beyond the limit")
)

func utf16LE(s string) []byte {
	var b []byte
	for _, c := range s {
		b = append(b, byte(c), 0)
	}
	return b
}

// expandLimit bounds the bytes uncompressed from a DOCX and the text
// extracted from it, so that a zip bomb cannot exhaust memory.
func (o Options) expandLimit() int64 { return o.maxBytes() * 8 }

func loadDOCX(path string, data []byte, opt Options) (*Source, error) {
	if bytes.HasPrefix(data, oleMagic) {
		// Word saves a password-protected DOCX as an OLE compound file
		// holding the encrypted package.
		if bytes.Contains(data, oleEncryptionInfo) {
			return nil, newError(path, "DOCX is password-protected (encrypted): remove the password in Word and save it again")
		}
		return nil, newError(path, "is an old Word document (.doc), not a DOCX: save it as .docx")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Path: path, Problem: "not a valid DOCX (damaged ZIP archive: " + err.Error() + ")", Err: err}
	}
	if len(zr.File) > docxMaxEntries {
		return nil, newError(path, "DOCX has %d entries, over the limit of %d (zip bomb?)", len(zr.File), docxMaxEntries)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	doc := parts["word/document.xml"]
	if doc == nil {
		return nil, newError(path, "%s", notDOCX(parts))
	}
	budget := &expandBudget{left: opt.expandLimit()}
	x := &docxExtractor{limit: int(opt.expandLimit())}
	if f := parts["word/styles.xml"]; f != nil {
		if err := readPart(f, budget, x.readStyles); errors.Is(err, errExpand) {
			return nil, zipBomb(path, err)
		}
	}
	if f := parts["word/numbering.xml"]; f != nil {
		if err := readPart(f, budget, x.readNumbering); errors.Is(err, errExpand) {
			return nil, zipBomb(path, err)
		}
	}
	if err := readPart(doc, budget, x.readDocument); err != nil {
		if errors.Is(err, errExpand) {
			return nil, zipBomb(path, err)
		}
		return nil, &Error{Path: path, Problem: "damaged DOCX: word/document.xml: " + err.Error(), Err: err}
	}
	text := x.out.String()
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return nil, newError(path, "no text in the DOCX (only images? scan it with OCR first)")
	}
	return &Source{Path: path, Format: "docx", Encoding: "utf-8", Orig: text, Text: text, Note: docxNote}, nil
}

func zipBomb(path string, err error) *Error {
	return &Error{Path: path, Problem: "DOCX expands beyond the limit (zip bomb?)", Err: err}
}

// notDOCX explains a zip archive without a Word main document.
func notDOCX(parts map[string]*zip.File) string {
	switch {
	case parts["xl/workbook.xml"] != nil:
		return "is an Excel workbook, not a DOCX"
	case parts["ppt/presentation.xml"] != nil:
		return "is a PowerPoint presentation, not a DOCX"
	case parts["content.xml"] != nil:
		return "is an OpenDocument file, not a DOCX: save it as .docx"
	}
	return "not a DOCX: the archive has no word/document.xml"
}

// expandBudget counts uncompressed bytes over all parts read.
type expandBudget struct{ left int64 }

type budgetReader struct {
	r io.Reader
	b *expandBudget
}

// Read reads at most one byte past the budget: only data beyond the
// limit is an error, not data that ends exactly at it.
func (r *budgetReader) Read(p []byte) (int, error) {
	if int64(len(p)) > r.b.left+1 {
		p = p[:r.b.left+1]
	}
	n, err := r.r.Read(p)
	r.b.left -= int64(n)
	if r.b.left < 0 {
		return 0, errExpand
	}
	return n, err
}

func readPart(f *zip.File, b *expandBudget, parse func(*xml.Decoder) error) error {
	// The declared size is only a hint (it can lie), but a part that admits
	// to being too large is refused before any work.
	if f.UncompressedSize64 > uint64(b.left) {
		return errExpand
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(&budgetReader{r: rc, b: b})
	if err := parse(d); err != nil {
		return err
	}
	// Drain the rest so that a CRC mismatch or a hidden tail is noticed.
	_, err = io.Copy(io.Discard, &budgetReader{r: rc, b: b})
	return err
}

// isWord reports whether an element is in the WordprocessingML namespace.
func isWord(n xml.Name) bool { return n.Space == nsWord || n.Space == nsWordStrict }

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a boolean property such as <w:vanish/> or <w:vanish w:val="0"/>.
func onOff(e xml.StartElement) bool {
	v, ok := attr(e, "val")
	return !ok || (v != "0" && v != "false" && v != "off")
}

func atoiAttr(e xml.StartElement, local string, def int) int {
	v, ok := attr(e, local)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return def
	}
	return n
}

// --- styles.xml ---

type docxStyle struct {
	name, basedOn string
	outline       int // heading level 1..6, 0 = none, -1 = unset
	numID, ilvl   int // numbering from the style; numID -1 = unset
}

var headingName = regexp.MustCompile(`^(?i:heading|見出し)\s*([1-6])$`)

func (x *docxExtractor) readStyles(d *xml.Decoder) error {
	x.styles = map[string]*docxStyle{}
	var cur *docxStyle
	var path []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			if !isWord(t.Name) {
				continue
			}
			parent := ""
			if len(path) > 1 {
				parent = path[len(path)-2]
			}
			switch t.Name.Local {
			case "style":
				cur = nil
				if typ, _ := attr(t, "type"); typ == "paragraph" {
					id, _ := attr(t, "styleId")
					cur = &docxStyle{outline: -1, numID: -1}
					x.styles[id] = cur
				}
			case "name":
				if cur != nil && parent == "style" {
					cur.name, _ = attr(t, "val")
				}
			case "basedOn":
				if cur != nil && parent == "style" {
					cur.basedOn, _ = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil && parent == "pPr" {
					cur.outline = outlineLevel(atoiAttr(t, "val", 9))
				}
			case "numId":
				if cur != nil && parent == "numPr" {
					cur.numID = atoiAttr(t, "val", 0)
				}
			case "ilvl":
				if cur != nil && parent == "numPr" {
					cur.ilvl = atoiAttr(t, "val", 0)
				}
			}
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
}

// outlineLevel maps w:outlineLvl (0-based, 9 = body text) to a heading
// level; Markdown has six.
func outlineLevel(v int) int {
	if v < 0 || v > 5 {
		return 0
	}
	return v + 1
}

// styleHeading returns the heading level a paragraph style implies,
// following basedOn (bounded, since a file may contain a cycle).
func (x *docxExtractor) styleHeading(id string) int {
	for range 20 {
		s := x.styles[id]
		if s == nil {
			// Without styles.xml, Word's English style IDs still tell.
			if m := headingName.FindStringSubmatch(id); m != nil {
				return int(m[1][0] - '0')
			}
			return 0
		}
		if s.outline >= 0 {
			return s.outline
		}
		for _, n := range []string{s.name, id} {
			if m := headingName.FindStringSubmatch(n); m != nil {
				return int(m[1][0] - '0')
			}
			if strings.EqualFold(n, "title") || n == "表題" {
				return 1
			}
		}
		id = s.basedOn
	}
	return 0
}

// styleNumbering returns the numbering a paragraph style carries.
func (x *docxExtractor) styleNumbering(id string) (numID, ilvl int, ok bool) {
	for range 20 {
		s := x.styles[id]
		if s == nil {
			return 0, 0, false
		}
		if s.numID >= 0 {
			return s.numID, s.ilvl, true
		}
		id = s.basedOn
	}
	return 0, 0, false
}

// --- numbering.xml ---

type docxLevel struct {
	start  int
	format string
	text   string
	suffix string // "tab" (default), "space" or "nothing"
}

type docxNum struct {
	abstract string
	starts   map[int]int // w:lvlOverride/w:startOverride
	used     bool        // overrides apply once, when the list instance starts
}

func (x *docxExtractor) readNumbering(d *xml.Decoder) error {
	x.abstracts = map[string]map[int]*docxLevel{}
	x.nums = map[int]*docxNum{}
	var levels map[int]*docxLevel
	var lvl *docxLevel
	var num *docxNum
	overrideLevel := -1
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		t, ok := tok.(xml.StartElement)
		if !ok || !isWord(t.Name) {
			continue
		}
		switch t.Name.Local {
		case "abstractNum":
			id, _ := attr(t, "abstractNumId")
			levels = map[int]*docxLevel{}
			x.abstracts[id] = levels
			num = nil
		case "lvl":
			lvl = nil
			if levels != nil && num == nil {
				lvl = &docxLevel{start: 1, format: "decimal", suffix: "tab"}
				levels[atoiAttr(t, "ilvl", 0)] = lvl
			}
		case "start":
			if lvl != nil {
				lvl.start = atoiAttr(t, "val", 1)
			}
		case "numFmt":
			if lvl != nil {
				lvl.format, _ = attr(t, "val")
			}
		case "lvlText":
			if lvl != nil {
				lvl.text, _ = attr(t, "val")
			}
		case "suff":
			if lvl != nil {
				lvl.suffix, _ = attr(t, "val")
			}
		case "num":
			levels, lvl = nil, nil
			num = &docxNum{starts: map[int]int{}}
			x.nums[atoiAttr(t, "numId", -1)] = num
		case "abstractNumId":
			if num != nil {
				num.abstract, _ = attr(t, "val")
			}
		case "lvlOverride":
			overrideLevel = atoiAttr(t, "ilvl", 0)
		case "startOverride":
			if num != nil && overrideLevel >= 0 {
				num.starts[overrideLevel] = atoiAttr(t, "val", 1)
			}
		}
	}
}

// listMarker returns the text Word shows before a numbered paragraph, ""
// for none, and advances the list's counters. ok is false when the
// numbering is unknown or a bullet (the caller writes "- ").
func (x *docxExtractor) listMarker(numID, ilvl int) (marker string, suffix string, ok bool) {
	num := x.nums[numID]
	if num == nil {
		return "", " ", false
	}
	levels := x.abstracts[num.abstract]
	if levels == nil || ilvl < 0 || ilvl > 8 {
		return "", " ", false
	}
	// Lists of the same abstract definition continue one another's
	// counting, as in Word, unless a w:num restarts them.
	counts := x.counters[num.abstract]
	if counts == nil {
		counts = make([]int, 9)
		for l := range counts {
			counts[l] = levelStart(levels, l) - 1
		}
		x.counters[num.abstract] = counts
	}
	if !num.used {
		num.used = true
		for l, s := range num.starts {
			if l >= 0 && l < 9 {
				counts[l] = s - 1
			}
		}
	}
	counts[ilvl]++
	for l := ilvl + 1; l < 9; l++ {
		counts[l] = levelStart(levels, l) - 1
	}
	lv := levels[ilvl]
	if lv == nil {
		return "", " ", false
	}
	switch lv.suffix {
	case "nothing":
		suffix = ""
	default:
		// A tab would make the line look like a table row.
		suffix = " "
	}
	if lv.format == "bullet" {
		return "", suffix, false
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		c := lv.text[i]
		if c == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			l := int(lv.text[i+1] - '1')
			format := "decimal"
			if ref := levels[l]; ref != nil {
				format = ref.format
			}
			b.WriteString(formatNumber(counts[l], format))
			i++
			continue
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String()), suffix, true
}

func levelStart(levels map[int]*docxLevel, l int) int {
	if lv := levels[l]; lv != nil {
		return lv.start
	}
	return 1
}

const (
	circled      = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
	parenthesed  = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
	fullStopped  = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
	aiueo        = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
	aiueoHalf    = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ"
	iroha        = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン"
	irohaHalf    = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽﾝ"
	kanjiDigits  = "〇一二三四五六七八九"
	heavenlyStem = "甲乙丙丁戊己庚辛壬癸"
	zodiac       = "子丑寅卯辰巳午未申酉戌亥"
)

// formatNumber renders a list counter in a w:numFmt; unknown formats fall
// back to decimal, which is what most of them look like anyway.
func formatNumber(n int, format string) string {
	pick := func(set string) string {
		rs := []rune(set)
		if n >= 1 && n <= len(rs) {
			return string(rs[n-1])
		}
		return strconv.Itoa(n)
	}
	switch format {
	case "none":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r - '0' + '０'
			}
			return r
		}, strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		return pick(circled)
	case "decimalEnclosedParen":
		return pick(parenthesed)
	case "decimalEnclosedFullstop":
		return pick(fullStopped)
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*20 {
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "aiueoFullWidth":
		return pick(aiueo)
	case "aiueo":
		return pick(aiueoHalf)
	case "irohaFullWidth":
		return pick(iroha)
	case "iroha":
		return pick(irohaHalf)
	case "ideographDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			return strings.Map(func(r rune) rune { return []rune(kanjiDigits)[r-'0'] }, strconv.Itoa(n))
		}
	case "japaneseCounting", "chineseCounting", "chineseCountingThousand", "japaneseLegal", "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand":
		if n >= 1 && n < 10000 {
			return kanjiCount(n)
		}
	case "ideographTraditional":
		return pick(heavenlyStem)
	case "ideographZodiac":
		return pick(zodiac)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// kanjiCount writes 1..9999 as 漢数字 with 千百十 (二十一, 百五).
func kanjiCount(n int) string {
	digits := []rune(kanjiDigits)
	var b strings.Builder
	for _, u := range []struct {
		v int
		s string
	}{{1000, "千"}, {100, "百"}, {10, "十"}} {
		if d := n / u.v; d > 0 {
			if d > 1 {
				b.WriteRune(digits[d])
			}
			b.WriteString(u.s)
		}
		n %= u.v
	}
	if n > 0 {
		b.WriteRune(digits[n])
	}
	return b.String()
}

// --- document.xml ---

type docxExtractor struct {
	styles    map[string]*docxStyle
	abstracts map[string]map[int]*docxLevel
	nums      map[int]*docxNum
	counters  map[string][]int

	out   strings.Builder
	limit int

	path     []xml.Name      // open elements
	skip     int             // depth at which invisible content started; 0 = none
	inText   bool            // inside w:t
	paras    []*docxPara     // open paragraphs (a text box nests one in another)
	hidden   []bool          // per open run: w:vanish
	tables   []*docxTable    // open tables
	carry    strings.Builder // text of paragraphs whose mark was deleted
	produced int             // bytes copied into buffers so far
	overflow bool
}

type docxPara struct {
	style       string
	numID, ilvl int
	hasNum      bool
	outline     int // -1 = unset
	markDeleted bool
	inCell      bool
	text        strings.Builder
}

type docxTable struct {
	row        []string
	cell       *strings.Builder
	rowDeleted bool
}

func (x *docxExtractor) parent(up int) xml.Name {
	if i := len(x.path) - 1 - up; i >= 0 {
		return x.path[i]
	}
	return xml.Name{}
}

func (x *docxExtractor) readDocument(d *xml.Decoder) error {
	if x.counters == nil {
		x.counters = map[string][]int{}
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			x.path = append(x.path, t.Name)
			if x.skip == 0 {
				x.start(t)
			}
		case xml.EndElement:
			if x.skip == 0 {
				x.end(t)
			} else if x.skip == len(x.path) {
				x.skip = 0
			}
			if len(x.path) > 0 {
				x.path = x.path[:len(x.path)-1]
			}
		case xml.CharData:
			if x.inText && x.skip == 0 {
				x.write(string(t))
			}
		}
		if x.overflow {
			return errExpand
		}
	}
	// A final paragraph whose mark was deleted still has its text.
	x.emit(x.carry.String())
	x.carry.Reset()
	if x.overflow {
		return errExpand
	}
	return nil
}

func (x *docxExtractor) para() *docxPara {
	if len(x.paras) == 0 {
		return nil
	}
	return x.paras[len(x.paras)-1]
}

func (x *docxExtractor) table() *docxTable {
	if len(x.tables) == 0 {
		return nil
	}
	return x.tables[len(x.tables)-1]
}

func (x *docxExtractor) start(t xml.StartElement) {
	if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
		// mc:Choice already holds the same content (text boxes, shapes).
		x.skip = len(x.path)
		return
	}
	if !isWord(t.Name) {
		return
	}
	parent := x.parent(1).Local
	p := x.para()
	switch t.Name.Local {
	case "del":
		switch parent {
		case "rPr":
			if p != nil && x.parent(2).Local == "pPr" {
				p.markDeleted = true
			}
		case "trPr":
			if tb := x.table(); tb != nil {
				tb.rowDeleted = true
			}
		default:
			x.skip = len(x.path) // a tracked deletion: not in the text
		}
	case "moveFrom", "delText", "delInstrText", "instrText":
		x.skip = len(x.path)
	case "p":
		tb := x.table()
		x.paras = append(x.paras, &docxPara{outline: -1, numID: -1, inCell: tb != nil && tb.cell != nil})
	case "pStyle":
		if p != nil && parent == "pPr" {
			p.style, _ = attr(t, "val")
		}
	case "numId":
		if p != nil && parent == "numPr" && x.parent(2).Local == "pPr" {
			p.numID, p.hasNum = atoiAttr(t, "val", 0), true
		}
	case "ilvl":
		if p != nil && parent == "numPr" && x.parent(2).Local == "pPr" {
			p.ilvl = atoiAttr(t, "val", 0)
		}
	case "outlineLvl":
		if p != nil && parent == "pPr" {
			p.outline = outlineLevel(atoiAttr(t, "val", 9))
		}
	case "r":
		x.hidden = append(x.hidden, false)
	case "vanish":
		if parent == "rPr" && x.parent(2).Local == "r" && len(x.hidden) > 0 {
			x.hidden[len(x.hidden)-1] = onOff(t)
		}
	case "t":
		x.inText = parent == "r"
	case "tab":
		if parent == "r" {
			if p != nil && p.inCell {
				x.write(" ")
			} else {
				x.write("\t")
			}
		}
	case "br", "cr":
		if parent == "r" {
			if p != nil && p.inCell {
				x.write(" ")
			} else {
				x.write("\n")
			}
		}
	case "noBreakHyphen":
		if parent == "r" {
			x.write("-")
		}
	case "tbl":
		x.tables = append(x.tables, &docxTable{})
	case "tr":
		if tb := x.table(); tb != nil {
			tb.row, tb.rowDeleted = nil, false
		}
	case "tc":
		if tb := x.table(); tb != nil {
			tb.cell = &strings.Builder{}
		}
	}
}

func (x *docxExtractor) end(t xml.EndElement) {
	if !isWord(t.Name) {
		return
	}
	switch t.Name.Local {
	case "t":
		x.inText = false
	case "r":
		if len(x.hidden) > 0 {
			x.hidden = x.hidden[:len(x.hidden)-1]
		}
	case "p":
		if p := x.para(); p != nil {
			x.paras = x.paras[:len(x.paras)-1]
			x.endParagraph(p)
		}
	case "tc":
		if tb := x.table(); tb != nil && tb.cell != nil {
			tb.row = append(tb.row, strings.TrimSpace(tb.cell.String()))
			tb.cell = nil
		}
	case "tr":
		tb := x.table()
		if tb == nil {
			return
		}
		row := tb.row
		tb.row = nil
		if tb.rowDeleted || strings.TrimSpace(strings.Join(row, "")) == "" {
			return
		}
		if len(x.tables) > 1 {
			// A nested table is flattened into the outer cell.
			outer := x.tables[len(x.tables)-2]
			if outer.cell != nil {
				flat := strings.Join(nonEmpty(row), " ")
				appendSpaced(outer.cell, flat)
				x.grow(len(flat))
			}
			return
		}
		x.emit(strings.Join(row, "\t"))
	case "tbl":
		if len(x.tables) > 0 {
			x.tables = x.tables[:len(x.tables)-1]
		}
	}
}

func (x *docxExtractor) write(s string) {
	p := x.para()
	if p == nil || (len(x.hidden) > 0 && x.hidden[len(x.hidden)-1]) {
		return
	}
	if x.inText {
		// A line break inside w:t is not a break in Word's rendering.
		s = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
	}
	p.text.WriteString(s)
	x.grow(len(s))
}

// grow counts every byte copied into a buffer: list markers repeat text
// from numbering.xml, so the output can outgrow the input.
func (x *docxExtractor) grow(n int) {
	x.produced += n
	if x.produced > x.limit {
		x.overflow = true
	}
}

const trimSet = " \t\u3000"

func (x *docxExtractor) endParagraph(p *docxPara) {
	content := strings.Trim(p.text.String(), trimSet)
	level := p.outline
	if level < 0 {
		level = x.styleHeading(p.style)
	}
	numID, ilvl, numbered := p.numID, p.ilvl, p.hasNum
	if !numbered {
		numID, ilvl, numbered = x.styleNumbering(p.style)
	}
	numbered = numbered && numID > 0 // numId 0 switches numbering off
	marker, suffix, known := "", " ", false
	if numbered {
		marker, suffix, known = x.listMarker(numID, ilvl)
	}
	if p.markDeleted && !p.inCell {
		// The paragraph mark was deleted: the text runs on into the next one.
		x.carry.WriteString(content)
		x.grow(len(content))
		return
	}
	if x.carry.Len() > 0 {
		x.carry.WriteString(content)
		content = x.carry.String()
		x.carry.Reset()
	}
	if strings.Trim(content, trimSet+"\n") == "" {
		return
	}
	var line string
	switch {
	case p.inCell:
		if known && marker != "" {
			content = marker + suffix + content
		}
		if tb := x.table(); tb != nil && tb.cell != nil {
			appendSpaced(tb.cell, strings.ReplaceAll(content, "\n", " "))
			x.grow(len(content))
		}
		return
	case level > 0:
		line = strings.Repeat("#", level) + " "
		if known && marker != "" {
			line += marker + suffix
		}
		line += content
	case numbered && known && marker == "":
		// numFmt "none": no visible marker, an ordinary paragraph.
		line = content
	case numbered:
		if !known {
			marker, suffix = "-", " "
		}
		line = strings.Repeat("  ", max(0, min(ilvl, 8))) + marker + suffix + content
	default:
		line = content
	}
	x.emit(line)
}

func (x *docxExtractor) emit(line string) {
	if strings.TrimSpace(line) == "" {
		return
	}
	x.out.WriteString(line)
	x.out.WriteByte('\n')
	x.grow(len(line) + 1)
}

func appendSpaced(b *strings.Builder, s string) {
	if s == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(s)
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// isDOCX reports whether data is a zip archive with a Word main document,
// for input that has no telling extension.
func isDOCX(data []byte) bool {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), "word/document.xml") {
			return true
		}
	}
	return false
}
