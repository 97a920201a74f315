package load

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The DOCX fixtures in testdata/policies/docx are generated from the text
// the loader must extract from them (NAME.txt → NAME.docx), the way Word
// writes such a document: Japanese style IDs ("1" = heading 1), list numbers
// and article numbers kept in numbering.xml rather than in the text, a
// running header and a page-number footer, text split into several runs.
// The PDF fixtures are LibreOffice's rendering of those DOCX files (with
// TrueType subset fonts), shop-cid.pdf is shop.txt printed by cairo
// (pango-view), which embeds a CID font (Type0, Identity-H) as Word's PDF
// export does; encrypted.pdf and scanned.pdf derive from shop.pdf.
//
//	go test ./internal/load -run TestFixtures -update
//
// regenerates them (the PDFs only where the tools are installed: Debian
// packages libreoffice-writer-nogui, fonts-ipaexfont-gothic, pango1.0-tools,
// qpdf, poppler-utils).
var update = flag.Bool("update", false, "rewrite the generated DOCX/PDF fixtures in testdata/policies")

var fixtureDir = filepath.Join("..", "..", "testdata", "policies")

// docxFixtures lists the generated fixtures and the running header each
// page carries (it must not reach the extracted text).
var docxFixtures = []struct{ name, header string }{
	{"complete", "株式会社サンプル商事　個人情報保護方針"},
	{"shop", "みどりマルシェ　プライバシーポリシー"},
}

// The tracked-changes fixture is shop.txt with one insertion that adds the
// missing representative and one deletion of a sentence about fees, which
// must not count.
const (
	trackedInsert = "当社の代表者は、代表取締役 緑川花子です。"
	trackedDelete = "なお、開示等の請求の手数料は無料です。"
)

func trackedSource(shop string) (markup, want string) {
	const after1, after2 = "お客様相談室長とします。", "遅滞なく対応いたします。"
	markup = strings.Replace(shop, after1, after1+"{+"+trackedInsert+"+}", 1)
	markup = strings.Replace(markup, after2, after2+"[-"+trackedDelete+"-]", 1)
	want = strings.Replace(shop, after1, after1+trackedInsert, 1)
	return markup, want
}

var fixedTime = time.Date(2024, 4, 1, 9, 0, 0, 0, time.UTC)

// buildDOCX writes a DOCX whose extracted text is text. Lines are:
// "# " … "###### " headings ("## 1. x" and "## 第1条 x" numbered by
// numbering.xml), "- " bullets (two spaces per nesting level), "(1) "
// numbered items (each run of them restarts at 1), tab-separated table
// rows, and paragraphs. In paragraphs "{+…+}" is a tracked insertion and
// "[-…-]" a tracked deletion.
func buildDOCX(t testing.TB, text, header string) []byte {
	t.Helper()
	g := &docxGen{t: t, counts: map[string]int{}}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for _, ln := range lines {
		g.line(ln)
	}
	g.flushTable()
	if g.lastTable {
		g.body.WriteString(`<w:p/>`) // Word ends a body with a paragraph
	}
	return g.zip(header)
}

type docxGen struct {
	t         testing.TB
	body      strings.Builder
	rows      [][]string
	parenRun  bool
	parenNums []int // w:num ids created for runs of "(n)" items
	counts    map[string]int
	lastTable bool
	changeID  int
}

var (
	genHeading = regexp.MustCompile(`^(#{1,6}) (.*)$`)
	genDotted  = regexp.MustCompile(`^([0-9]+)\. (.*)$`)
	genArticle = regexp.MustCompile(`^第([0-9]+)条 (.*)$`)
	genParen   = regexp.MustCompile(`^\(([0-9]+)\) (.*)$`)
	genBullet  = regexp.MustCompile(`^((?:  )*)- (.*)$`)
)

// Numbering instances in numbering.xml.
const (
	numBullet  = 1
	numDotted  = 2
	numArticle = 3
	numParen0  = 10 // first of the per-run "(n)" instances
)

func (g *docxGen) count(kind string, n int, line string) {
	g.counts[kind]++
	if g.counts[kind] != n {
		g.t.Fatalf("generator: %q: numbering would say %d, not %d", line, g.counts[kind], n)
	}
}

func (g *docxGen) line(ln string) {
	if strings.Contains(ln, "\t") {
		g.rows = append(g.rows, strings.Split(ln, "\t"))
		g.parenRun = false
		return
	}
	g.flushTable()
	if m := genParen.FindStringSubmatch(ln); m != nil {
		if !g.parenRun {
			g.parenNums = append(g.parenNums, numParen0+len(g.parenNums))
			g.counts["paren"] = 0
			g.parenRun = true
		}
		n, _ := strconv.Atoi(m[1])
		g.count("paren", n, ln)
		g.para("a3", g.parenNums[len(g.parenNums)-1], 0, m[2])
		return
	}
	g.parenRun = false
	if m := genHeading.FindStringSubmatch(ln); m != nil {
		style, rest := strconv.Itoa(len(m[1])), m[2]
		if d := genDotted.FindStringSubmatch(rest); d != nil {
			n, _ := strconv.Atoi(d[1])
			g.count("dotted", n, ln)
			g.para(style, numDotted, 0, d[2])
			return
		}
		if a := genArticle.FindStringSubmatch(rest); a != nil {
			n, _ := strconv.Atoi(a[1])
			g.count("article", n, ln)
			g.para(style, numArticle, 0, a[2])
			return
		}
		g.para(style, 0, 0, rest)
		return
	}
	if m := genBullet.FindStringSubmatch(ln); m != nil {
		g.para("a3", numBullet, len(m[1])/2, m[2])
		return
	}
	g.para("", 0, 0, ln)
}

func (g *docxGen) para(style string, numID, ilvl int, text string) {
	g.lastTable = false
	g.body.WriteString(g.paraXML(style, numID, ilvl, text))
}

func (g *docxGen) paraXML(style string, numID, ilvl int, text string) string {
	var b strings.Builder
	b.WriteString(`<w:p>`)
	if style != "" || numID != 0 {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, style)
		}
		if numID != 0 {
			fmt.Fprintf(&b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
		}
		b.WriteString(`</w:pPr>`)
	}
	b.WriteString(g.runs(text))
	b.WriteString(`</w:p>`)
	return b.String()
}

var genChange = regexp.MustCompile(`\{\+(.*?)\+\}|\[-(.*?)-\]`)

// runs splits text after each 、 into runs, as Word's editing history
// tends to, and writes tracked changes.
func (g *docxGen) runs(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range genChange.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(plainRuns(text[last:m[0]]))
		g.changeID++
		attrs := fmt.Sprintf(`w:id="%d" w:author="法務部" w:date="%s"`, g.changeID, fixedTime.Format(time.RFC3339))
		if m[2] >= 0 {
			fmt.Fprintf(&b, `<w:ins %s>%s</w:ins>`, attrs, plainRuns(text[m[2]:m[3]]))
		} else {
			fmt.Fprintf(&b, `<w:del %s><w:r><w:delText>%s</w:delText></w:r></w:del>`, attrs, escapeXML(text[m[4]:m[5]]))
		}
		last = m[1]
	}
	b.WriteString(plainRuns(text[last:]))
	return b.String()
}

func plainRuns(text string) string {
	var b strings.Builder
	for text != "" {
		part := text
		if i := strings.Index(text, "、"); i >= 0 {
			part = text[:i+len("、")]
		}
		text = text[len(part):]
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, escapeXML(part))
	}
	return b.String()
}

func escapeXML(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (g *docxGen) flushTable() {
	if len(g.rows) == 0 {
		return
	}
	cols := 0
	for _, r := range g.rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for i := range widths {
		widths[i] = 8504 / cols
		if cols == 2 {
			widths = []int{2126, 6378}
			break
		}
	}
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range g.rows {
		b.WriteString(`<w:tr>`)
		for i := range cols {
			cell := ""
			if i < len(r) {
				cell = r[i]
			}
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>`, widths[i], g.paraXML("", 0, 0, cell))
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	g.body.WriteString(b.String())
	g.rows = nil
	g.lastTable = true
}

const (
	genNS   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"
	relNS   = `http://schemas.openxmlformats.org/package/2006/relationships`
	relType = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	ctMain  = `application/vnd.openxmlformats-officedocument.wordprocessingml.`
)

func (g *docxGen) zip(header string) []byte {
	doc := xmlDecl + `<w:document ` + genNS + `><w:body>` + g.body.String() +
		`<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/>` +
		`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1985" w:right="1701" w:bottom="1701" w:left="1701" w:header="851" w:footer="992" w:gutter="0"/>` +
		`<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="360"/></w:sectPr></w:body></w:document>`

	var nums strings.Builder
	lvl := func(ilvl int, format, text, suffix string) string {
		s := fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/>`, ilvl, format)
		if suffix != "" {
			s += fmt.Sprintf(`<w:suff w:val="%s"/>`, suffix)
		}
		return s + fmt.Sprintf(`<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="420"/></w:pPr></w:lvl>`, text, 420*(ilvl+1))
	}
	nums.WriteString(xmlDecl + `<w:numbering ` + genNS + `>`)
	nums.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>` +
		lvl(0, "bullet", "・", "") + lvl(1, "bullet", "・", "") + lvl(2, "bullet", "・", "") + `</w:abstractNum>`)
	nums.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>` +
		lvl(0, "decimal", "(%1)", "") + lvl(1, "decimalEnclosedCircle", "%2", "") + `</w:abstractNum>`)
	nums.WriteString(`<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>` + lvl(0, "decimal", "第%1条", "space") + `</w:abstractNum>`)
	nums.WriteString(`<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="singleLevel"/>` + lvl(0, "decimal", "%1.", "space") + `</w:abstractNum>`)
	fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/></w:num>`, numBullet)
	fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="3"/></w:num>`, numDotted)
	fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="2"/></w:num>`, numArticle)
	for _, id := range g.parenNums {
		fmt.Fprintf(&nums, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, id)
	}
	nums.WriteString(`</w:numbering>`)

	const font = `IPAexGothic` // Debian's fonts-ipaexfont-gothic renders it
	styles := xmlDecl + `<w:styles ` + genNS + `><w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="` + font + `" w:eastAsia="` + font + `" w:hAnsi="` + font + `" w:cs="` + font + `"/>` +
		`<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>` +
		// Heading 2 is recognised by its name (no outline level), as in
		// documents whose styles were copied from old templates.
		`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/><w:qFormat/><w:pPr><w:ind w:leftChars="400" w:left="840"/></w:pPr></w:style>` +
		`</w:styles>`

	hdr := xmlDecl + `<w:hdr ` + genNS + `><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>` + escapeXML(header) + `</w:t></w:r></w:p></w:hdr>`
	ftr := xmlDecl + `<w:ftr ` + genNS + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">- </w:t></w:r>` +
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>`

	ct := xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + ctMain + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + ctMain + `styles+xml"/>` +
		`<Override PartName="/word/numbering.xml" ContentType="` + ctMain + `numbering+xml"/>` +
		`<Override PartName="/word/header1.xml" ContentType="` + ctMain + `header+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="` + ctMain + `footer+xml"/></Types>`
	rels := xmlDecl + `<Relationships xmlns="` + relNS + `"><Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/></Relationships>`
	docRels := xmlDecl + `<Relationships xmlns="` + relNS + `">` +
		`<Relationship Id="rId1" Type="` + relType + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="` + relType + `numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId3" Type="` + relType + `header" Target="header1.xml"/>` +
		`<Relationship Id="rId4" Type="` + relType + `footer" Target="footer1.xml"/></Relationships>`

	return zipParts(g.t, [][2]string{
		{"[Content_Types].xml", ct},
		{"_rels/.rels", rels},
		{"word/document.xml", doc},
		{"word/_rels/document.xml.rels", docRels},
		{"word/styles.xml", styles},
		{"word/numbering.xml", nums.String()},
		{"word/header1.xml", hdr},
		{"word/footer1.xml", ftr},
	})
}

// zipParts writes a deterministic zip archive (fixed times, given order).
func zipParts(t testing.TB, parts [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFixture(t testing.TB, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{fixtureDir}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFixture(t testing.TB, data []byte, parts ...string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(append([]string{fixtureDir}, parts...)...), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFixtures checks that the committed DOCX fixtures are what the
// generator makes of their text, and with -update rewrites them (and the
// PDFs, where the tools are installed).
func TestFixtures(t *testing.T) {
	generated := map[string][]byte{}
	for _, fx := range docxFixtures {
		text := string(readFixture(t, "docx", fx.name+".txt"))
		generated[fx.name] = buildDOCX(t, text, fx.header)
	}
	shop := string(readFixture(t, "docx", "shop.txt"))
	markup, _ := trackedSource(shop)
	generated["tracked-changes"] = buildDOCX(t, markup, docxFixtures[1].header)
	if *update {
		for name, data := range generated {
			writeFixture(t, data, "docx", name+".docx")
		}
		// A damaged download: the archive cut short.
		full := generated["complete"]
		writeFixture(t, full[:len(full)*2/3], "docx", "corrupt.docx")
		updatePDFs(t)
		return
	}
	// Compare the parts, not the zip bytes, which depend on the compressor.
	for name, data := range generated {
		committed := readFixture(t, "docx", name+".docx")
		for _, part := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml"} {
			if !bytes.Equal(docxPart(t, committed, part), docxPart(t, data, part)) {
				t.Errorf("docx/%s.docx is stale (%s): run go test ./internal/load -run TestFixtures -update", name, part)
			}
		}
	}
	if full, cut := readFixture(t, "docx", "complete.docx"), readFixture(t, "docx", "corrupt.docx"); !bytes.HasPrefix(full, cut) || len(cut) >= len(full) {
		t.Errorf("docx/corrupt.docx is not a truncated complete.docx")
	}
}

// updatePDFs renders the DOCX fixtures with LibreOffice and derives the
// encrypted and the image-only PDFs.
func updatePDFs(t *testing.T) {
	for _, tool := range []string{"libreoffice", "pango-view", "qpdf", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Logf("PDF fixtures not updated: %s is not installed", tool)
			return
		}
	}
	tmp := t.TempDir()
	pdfDir := filepath.Join(fixtureDir, "pdf")
	run := func(name string, args ...string) {
		t.Helper()
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	for _, fx := range docxFixtures {
		run("libreoffice", "--headless", "-env:UserInstallation=file://"+tmp+"/lo", "--convert-to", "pdf",
			"--outdir", pdfDir, filepath.Join(fixtureDir, "docx", fx.name+".docx"))
	}
	run("pango-view", "-q", "--font=IPAexGothic 10", "--language=ja_JP", "--width=480", "--wrap=char", "--margin=50",
		"-o", filepath.Join(pdfDir, "shop-cid.pdf"), filepath.Join(fixtureDir, "docx", "shop.txt"))
	shop := filepath.Join(pdfDir, "shop.pdf")
	run("qpdf", "--encrypt", "secret", "secret", "256", "--", shop, filepath.Join(pdfDir, "encrypted.pdf"))
	// A scan: the first page as a picture, no text layer.
	run("pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-gray", "-png", "-singlefile", shop, filepath.Join(tmp, "page"))
	f, err := os.Open(filepath.Join(tmp, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	writeFixture(t, imagePDF(t, img), "pdf", "scanned.pdf")
}

// imagePDF writes a one-page A4 PDF that is only a grey-scale picture, as
// a scanner makes it.
func imagePDF(t testing.TB, img image.Image) []byte {
	bounds := img.Bounds()
	var pixels bytes.Buffer
	zw := zlib.NewWriter(&pixels)
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			_ = binary.Write(zw, binary.BigEndian, color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	content := "q 595 0 0 842 0 0 cm /Im0 Do Q\n"
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream",
			bounds.Dx(), bounds.Dy(), pixels.Len(), pixels.String()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	var offsets []int
	for i, o := range objects {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}
