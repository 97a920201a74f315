package load

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// miniDOCX packs a document body (and optional styles.xml and
// numbering.xml content) into a DOCX.
func miniDOCX(t testing.TB, body, styles, numbering string) []byte {
	t.Helper()
	parts := [][2]string{{"word/document.xml", xmlDecl + `<w:document ` + genNS + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>` + body + `</w:body></w:document>`}}
	if styles != "" {
		parts = append(parts, [2]string{"word/styles.xml", `<w:styles ` + genNS + `>` + styles + `</w:styles>`})
	}
	if numbering != "" {
		parts = append(parts, [2]string{"word/numbering.xml", `<w:numbering ` + genNS + `>` + numbering + `</w:numbering>`})
	}
	return zipParts(t, parts)
}

func p(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

func pp(pPr, runs string) string { return `<w:p><w:pPr>` + pPr + `</w:pPr>` + runs + `</w:p>` }

func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func num(numID, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
}

func abstractNum(id int, levels ...string) string {
	return fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d">%s</w:abstractNum>`, id, strings.Join(levels, ""))
}

func level(ilvl int, format, text string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, ilvl, format, text)
}

func numInst(numID, abstractID int, extra string) string {
	return fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>`, numID, abstractID, extra)
}

func tbl(rows ...string) string { return `<w:tbl><w:tblPr/>` + strings.Join(rows, "") + `</w:tbl>` }

func tr(cells ...string) string {
	var b strings.Builder
	b.WriteString(`<w:tr>`)
	for _, c := range cells {
		b.WriteString(`<w:tc>` + c + `</w:tc>`)
	}
	return b.String() + `</w:tr>`
}

func TestDOCXText(t *testing.T) {
	styles := `<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="af"><w:name w:val="見出し 3"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="条見出し"/><w:basedOn w:val="2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="loop"/><w:basedOn w:val="Loop2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="loop"/><w:basedOn w:val="Loop1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="article"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`
	numbering := abstractNum(0, level(0, "bullet", "・"), level(1, "bullet", "○")) +
		abstractNum(1, level(0, "decimal", "(%1)"), level(1, "decimalEnclosedCircle", "%2")) +
		abstractNum(2, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2"), level(2, "lowerLetter", "%3)")) +
		abstractNum(3, `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/><w:suff w:val="space"/><w:lvlText w:val="第%1条"/></w:lvl>`) +
		abstractNum(4, level(0, "aiueoFullWidth", "%1."), level(1, "upperRoman", "%2."), level(2, "none", "")) +
		abstractNum(5, `<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimalFullWidth"/><w:suff w:val="nothing"/><w:lvlText w:val="%1．"/></w:lvl>`) +
		numInst(1, 0, "") + numInst(2, 1, "") + numInst(3, 3, "") + numInst(4, 2, "") + numInst(5, 4, "") + numInst(6, 5, "") +
		numInst(7, 1, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`) + numInst(8, 1, "") +
		numInst(9, 99, "") // refers to a missing definition

	tests := []struct {
		name, body, want string
	}{
		{"paragraphs and runs", p("当社は") + `<w:p><w:r><w:t>個人情報を</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">適切に </w:t></w:r>` + r("取り扱います。") + `</w:p>` + p("A&amp;B &lt;x&gt;"),
			"当社は\n個人情報を適切に 取り扱います。\nA&B <x>\n"},
		{"empty paragraphs and ideographic indent", `<w:p/>` + p("　本文です。　") + `<w:p><w:r><w:t> </w:t></w:r></w:p>`, "本文です。\n"},
		{"heading styles", pp(`<w:pStyle w:val="1"/>`, r("方針")) + pp(`<w:pStyle w:val="2"/>`, r("目的")) + pp(`<w:pStyle w:val="af"/>`, r("細目")) +
			pp(`<w:pStyle w:val="MyHead"/>`, r("派生")) + pp(`<w:pStyle w:val="Heading4"/>`, r("英語ID")) + pp(`<w:pStyle w:val="a5"/>`, r("表題")) +
			pp(`<w:pStyle w:val="Loop1"/>`, r("循環")) + pp(`<w:outlineLvl w:val="2"/>`, r("段落の見出し")) + pp(`<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>`, r("本文扱い")),
			"# 方針\n## 目的\n### 細目\n## 派生\n#### 英語ID\n# 表題\n循環\n### 段落の見出し\n本文扱い\n"},
		{"bullets", pp(num(1, 0), r("氏名")) + pp(num(1, 1), r("姓")) + pp(num(1, 0), r("住所")), "- 氏名\n  - 姓\n- 住所\n"},
		{"numbered list continues and restarts", pp(num(2, 0), r("発送")) + pp(num(2, 1), r("国内")) + pp(num(2, 1), r("海外")) + pp(num(2, 0), r("請求")) +
			p("中断") + pp(num(8, 0), r("続き")) + pp(num(7, 0), r("再開")) + pp(num(7, 0), r("次")),
			"(1) 発送\n  ① 国内\n  ② 海外\n(2) 請求\n中断\n(3) 続き\n(1) 再開\n(2) 次\n"},
		{"multi-level text", pp(num(4, 0), r("a")) + pp(num(4, 1), r("b")) + pp(num(4, 2), r("c")) + pp(num(4, 2), r("d")) + pp(num(4, 1), r("e")),
			"1. a\n  1.1 b\n    a) c\n    b) d\n  1.2 e\n"},
		{"japanese formats", pp(num(5, 0), r("ア項")) + pp(num(5, 0), r("イ項")) + pp(num(5, 1), r("細目")) + pp(num(5, 2), r("番号なし")) + pp(num(6, 0), r("全角")),
			"ア. ア項\nイ. イ項\n  I. 細目\n番号なし\n５．全角\n"},
		{"numbered headings from a style", pp(`<w:pStyle w:val="Article"/>`, r("目的")) + pp(`<w:pStyle w:val="Article"/>`, r("定義")) +
			pp(`<w:pStyle w:val="Article"/><w:numPr><w:numId w:val="0"/></w:numPr>`, r("番号を外した条")),
			"## 第一条 目的\n## 第二条 定義\n## 番号を外した条\n"},
		{"unknown numbering is a bullet", pp(num(9, 0), r("定義なし")) + pp(num(42, 0), r("番号なし")), "- 定義なし\n- 番号なし\n"},
		{"table", tbl(tr(p("項目"), p("内容")), tr(p("名称"), p("株式会社A")), tr(p("住所"), ``), tr(``, ``), tr(p("一列"))),
			"項目\t内容\n名称\t株式会社A\n住所\t\n一列\n"},
		{"cell paragraphs, tabs and breaks stay on the row", tbl(tr(p("電話"), p("03-1234")+`<w:p><w:r><w:t>平日</w:t><w:tab/><w:t>10時</w:t><w:br/><w:t>〜17時</w:t></w:r></w:p>`+pp(num(2, 0), r("項")))),
			"電話\t03-1234 平日 10時 〜17時 (1) 項\n"},
		{"nested table is flattened", tbl(tr(p("外")+tbl(tr(p("内1"), p("内2")), tr(p("内3"), ``)), p("右"))), "外 内1 内2 内3\t右\n"},
		{"deleted table row", tbl(tr(p("残る"), p("行")), `<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc>`+p("消えた")+`</w:tc><w:tc>`+p("行")+`</w:tc></w:tr>`), "残る\t行\n"},
		{"tracked changes", `<w:p>` + r("当社は、") + `<w:ins w:id="1" w:author="x"><w:r><w:t>挿入した文を含め、</w:t></w:r></w:ins>` +
			`<w:del w:id="2" w:author="x"><w:r><w:delText>削除した文と、</w:delText></w:r></w:del>` + r("個人情報を取り扱います。") + `</w:p>` +
			`<w:p><w:moveFrom w:id="3" w:author="x"><w:r><w:t>移動元</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="x"><w:r><w:t>移動先</w:t></w:r></w:moveTo></w:p>` +
			`<w:del w:id="5" w:author="x">` + p("段落ごと削除") + `</w:del>`,
			"当社は、挿入した文を含め、個人情報を取り扱います。\n移動先\n"},
		{"deleted paragraph mark joins paragraphs", pp(`<w:rPr><w:del w:id="1" w:author="x"/></w:rPr>`, r("前半の")) + pp(`<w:rPr><w:del w:id="2" w:author="x"/></w:rPr>`, r("中間と")) + p("後半。") + p("次"),
			"前半の中間と後半。\n次\n"},
		{"hidden text", `<w:p>` + r("見える") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>表示</w:t></w:r></w:p>`, "見える表示\n"},
		{"tabs, breaks, hyphens", `<w:p><w:r><w:t>名称</w:t><w:tab/><w:t>A社</w:t><w:br/><w:t>次行</w:t><w:noBreakHyphen/><w:t>x</w:t><w:cr/><w:t>y</w:t></w:r></w:p>`,
			"名称\tA社\n次行-x\ny\n"},
		{"field codes", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.jp" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r("窓口") + `<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" PAGE ">` + r("1") + `</w:fldSimple></w:p>`,
			"窓口1\n"},
		{"hyperlinks, content controls, smart tags", `<w:p><w:hyperlink r:id="rId1">` + r("リンク") + `</w:hyperlink><w:sdt><w:sdtContent>` + r("入力欄") + `</w:sdtContent></w:sdt><w:smartTag w:element="x">` + r("タグ") + `</w:smartTag></w:p>`,
			"リンク入力欄タグ\n"},
		{"text box once, as its own line", `<w:p>` + r("本文") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + p("枠内") + `</w:txbxContent></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><w:txbxContent>` + p("枠内") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` + r("続き") + `</w:p>`,
			"枠内\n本文続き\n"},
		{"DrawingML text is not document text", `<w:p>` + r("本文") + `<w:r><w:drawing><a:p><a:r><a:t>図の文字</a:t></a:r></a:p></w:drawing></w:r></w:p>`, "本文\n"},
		{"newline inside w:t", `<w:p><w:r><w:t>一行
のまま</w:t></w:r></w:p>`, "一行 のまま\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("a.docx", miniDOCX(t, tt.body, styles, numbering), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Orig != tt.want {
				t.Errorf("text =\n%q\nwant\n%q", src.Orig, tt.want)
			}
			if src.Format != "docx" || src.Encoding != "utf-8" || src.Note == "" || src.Text != src.Orig || src.TextOffset != nil {
				t.Errorf("source = %+v", src)
			}
		})
	}
}

func TestDOCXStrictAndBare(t *testing.T) {
	// ISO/IEC 29500 Strict documents use another namespace.
	strict := zipParts(t, [][2]string{{"word/document.xml", `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>方針</w:t></w:r></w:p></w:body></w:document>`}})
	src, err := Bytes("strict.docx", strict, Options{})
	if err != nil || src.Orig != "# 方針\n" {
		t.Errorf("strict: %v %+v", err, src)
	}
	// Without styles.xml and numbering.xml the text is still there.
	bare := miniDOCX(t, pp(num(3, 0), r("番号")), "", "")
	if src, err := Bytes("bare.docx", bare, Options{}); err != nil || src.Orig != "- 番号\n" {
		t.Errorf("bare: %v %+v", err, src)
	}
}

func TestDOCXFixtures(t *testing.T) {
	for _, fx := range docxFixtures {
		want := string(readFixture(t, "docx", fx.name+".txt"))
		src, err := File(fixturePath("docx", fx.name+".docx"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if src.Orig != want {
			t.Errorf("%s.docx: text differs from %s.txt:\n%s", fx.name, fx.name, firstDiff(src.Orig, want))
		}
		if strings.Contains(src.Orig, fx.header) || strings.Contains(src.Orig, "- 1 -") {
			t.Errorf("%s.docx: header or footer in the text", fx.name)
		}
		checkSource(t, src)
	}

	shop := string(readFixture(t, "docx", "shop.txt"))
	_, want := trackedSource(shop)
	src, err := File(fixturePath("docx", "tracked-changes.docx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.Orig != want {
		t.Errorf("tracked-changes.docx:\n%s", firstDiff(src.Orig, want))
	}
	if !strings.Contains(src.Orig, trackedInsert) || strings.Contains(src.Orig, trackedDelete) {
		t.Errorf("tracked changes: insertion must count, deletion must not")
	}
	// The deleted sentence is really in the file, as a tracked deletion.
	if !bytes.Contains(docxPart(t, readFixture(t, "docx", "tracked-changes.docx"), "word/document.xml"), []byte("<w:delText>"+trackedDelete)) {
		t.Errorf("tracked-changes.docx has no w:delText")
	}
}

func fixturePath(parts ...string) string {
	return strings.Join(append([]string{fixtureDir}, parts...), "/")
}

func docxPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDiff shows the first differing line of two texts.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, a, b)
		}
	}
	return "(equal)"
}

func TestDOCXErrors(t *testing.T) {
	manyEntries := func() []byte {
		parts := [][2]string{{"word/document.xml", `<w:document ` + genNS + `><w:body>` + p("x") + `</w:body></w:document>`}}
		for i := range docxMaxEntries {
			parts = append(parts, [2]string{fmt.Sprintf("x/%d", i), ""})
		}
		return zipParts(t, parts)
	}
	// Word's encrypted package: an OLE compound file with an
	// EncryptionInfo stream (its name is stored in UTF-16LE).
	encrypted := append(append([]byte{}, oleMagic...), make([]byte, 504)...)
	encrypted = append(encrypted, utf16LE("EncryptionInfo")...)
	// Numbering text repeated on many paragraphs outgrows the limit.
	longMarker := abstractNum(0, level(0, "decimal", strings.Repeat("長", 1000)+"%1")) + numInst(1, 0, "")
	expanding := miniDOCX(t, strings.Repeat(pp(num(1, 0), r("x")), 200), "", longMarker)

	tests := []struct {
		name string
		data []byte
		opt  Options
		want string
	}{
		{"committed corrupt fixture", readFixture(t, "docx", "corrupt.docx"), Options{}, "not a valid DOCX (damaged ZIP archive"},
		{"zip signature only", []byte("PK\x03\x04"), Options{}, "not a valid DOCX"},
		{"text renamed", []byte("個人情報保護方針"), Options{}, "not a valid DOCX"},
		{"no document part", zipParts(t, [][2]string{{"hello.txt", "x"}}), Options{}, "not a DOCX: the archive has no word/document.xml"},
		{"excel", zipParts(t, [][2]string{{"xl/workbook.xml", "<x/>"}}), Options{}, "is an Excel workbook, not a DOCX"},
		{"opendocument", zipParts(t, [][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}), Options{}, "OpenDocument"},
		{"encrypted", encrypted, Options{}, "DOCX is password-protected (encrypted)"},
		{"old .doc", append(append([]byte{}, oleMagic...), make([]byte, 512)...), Options{}, "old Word document (.doc)"},
		{"xml syntax error", zipParts(t, [][2]string{{"word/document.xml", `<w:document ` + genNS + `><w:body><w:p><w:t>x</w:p>`}}), Options{}, "damaged DOCX: word/document.xml: XML syntax error"},
		{"no text", miniDOCX(t, `<w:p/><w:p><w:r><w:drawing/></w:r></w:p>`, "", ""), Options{}, "no text in the DOCX"},
		{"zip bomb", miniDOCX(t, strings.Repeat(p("あ"), 20000), "", ""), Options{MaxBytes: 64 << 10}, "DOCX expands beyond the limit (zip bomb?)"},
		{"styles bomb", miniDOCX(t, p("x"), strings.Repeat(`<w:style w:type="paragraph" w:styleId="s"/>`, 20000), ""), Options{MaxBytes: 64 << 10}, "DOCX expands beyond the limit (zip bomb?)"},
		{"expanding numbering", expanding, Options{MaxBytes: int64(len(expanding))}, "DOCX expands beyond the limit (zip bomb?)"},
		{"too many entries", manyEntries(), Options{}, fmt.Sprintf("over the limit of %d (zip bomb?)", docxMaxEntries)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("policy.docx", tt.data, tt.opt)
			if err == nil {
				t.Fatalf("no error; got %q", src.Orig)
			}
			var le *Error
			if !errors.As(err, &le) || le.Path != "policy.docx" || !strings.HasPrefix(err.Error(), "policy.docx: ") {
				t.Fatalf("error %v is not a *load.Error naming the file", err)
			}
			if !strings.Contains(le.Problem, tt.want) {
				t.Errorf("Problem = %q, want it to contain %q", le.Problem, tt.want)
			}
		})
	}
}

func TestDOCXSniffed(t *testing.T) {
	data := readFixture(t, "docx", "shop.docx")
	for _, name := range []string{"-", "", "policy"} {
		src, err := Bytes(name, data, Options{})
		if err != nil || src.Format != "docx" || !strings.HasPrefix(src.Orig, "# プライバシーポリシー\n") {
			t.Errorf("%q: %v %+v", name, err, src)
		}
	}
	if src, err := Reader("-", bytes.NewReader(data), Options{}); err != nil || src.Format != "docx" {
		t.Errorf("Reader: %v", err)
	}
	// A DOCX named .txt is still refused as binary: the name was chosen.
	if _, err := Bytes("policy.txt", data, Options{}); err == nil || !strings.Contains(err.Error(), "looks like a ZIP archive") {
		t.Errorf("renamed: %v", err)
	}
	// Other zip archives are not taken for a DOCX.
	if _, err := Bytes("-", zipParts(t, [][2]string{{"a.txt", "x"}}), Options{}); err == nil || !strings.Contains(err.Error(), "ZIP archive") {
		t.Errorf("plain zip: %v", err)
	}
}

func TestBudgetReader(t *testing.T) {
	b := &expandBudget{left: 10}
	got, err := io.ReadAll(&budgetReader{r: strings.NewReader("0123456789"), b: b})
	if err != nil || string(got) != "0123456789" {
		t.Errorf("exactly at the limit: %q %v", got, err)
	}
	b = &expandBudget{left: 10}
	if _, err := io.ReadAll(&budgetReader{r: strings.NewReader("0123456789x"), b: b}); !errors.Is(err, errExpand) {
		t.Errorf("over the limit: %v", err)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{3, "decimal", "3"}, {3, "", "3"}, {3, "decimalZero", "03"}, {12, "decimalFullWidth", "１２"},
		{3, "decimalEnclosedCircle", "③"}, {21, "decimalEnclosedCircle", "㉑"}, {51, "decimalEnclosedCircle", "51"},
		{2, "decimalEnclosedParen", "⑵"}, {28, "upperLetter", "BB"}, {2, "lowerLetter", "b"},
		{14, "upperRoman", "XIV"}, {9, "lowerRoman", "ix"}, {2, "aiueoFullWidth", "イ"}, {3, "aiueo", "ｳ"},
		{3, "irohaFullWidth", "ハ"}, {10, "ideographDigital", "一〇"}, {21, "japaneseCounting", "二十一"},
		{105, "japaneseCounting", "百五"}, {1, "ideographTraditional", "甲"}, {2, "ideographZodiac", "丑"},
		{4, "none", ""}, {7, "someFutureFormat", "7"}, {0, "upperLetter", "0"}, {-1, "japaneseCounting", "-1"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// FuzzDOCX feeds arbitrary archives (odd seeds) and arbitrary
// document.xml content in a valid archive (even seeds): no panic, every
// failure an *Error, every success a valid Source with one line per block.
func FuzzDOCX(f *testing.F) {
	styles := `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="1"/></w:style>`
	numbering := abstractNum(0, level(0, "decimal", "(%1)"), level(1, "japaneseCounting", "%1-%2-%9")) + numInst(1, 0, `<w:lvlOverride w:ilvl="1"><w:startOverride w:val="-5"/></w:lvlOverride>`)
	for _, name := range []string{"shop", "tracked-changes", "corrupt"} {
		data := readFixture(f, "docx", name+".docx")
		f.Add(data, uint8(1))
		if name != "corrupt" {
			f.Add(docxPart(f, data, "word/document.xml"), uint8(0))
		}
	}
	f.Add([]byte(`<w:document `+genNS+`><w:body>`+tbl(tr(p("a")+tbl(tr(pp(num(1, 1), r("b")))), ``))+pp(`<w:pStyle w:val="1"/>`+num(1, 8), r("c"))+`</w:body></w:document>`), uint8(0))
	f.Add([]byte(`<w:p><w:p><w:r><w:t>x</w:t></w:r></w:p><w:del><w:p/></w:del></w:p><w:tc><w:tr>`), uint8(0))
	f.Add([]byte("PK\x03\x04\x14\x00"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		if mode%2 == 0 {
			data = zipParts(t, [][2]string{{"word/document.xml", string(data)}, {"word/styles.xml", `<w:styles ` + genNS + `>` + styles + `</w:styles>`},
				{"word/numbering.xml", `<w:numbering ` + genNS + `>` + numbering + `</w:numbering>`}})
		}
		src, err := Bytes("f.docx", data, Options{MaxBytes: 1 << 20})
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || le.Problem == "" {
				t.Fatalf("error %v is not a *load.Error with a problem", err)
			}
			return
		}
		checkSource(t, src)
		if !utf8.ValidString(src.Orig) || !strings.HasSuffix(src.Orig, "\n") || strings.Contains(src.Orig, "\r") {
			t.Fatalf("bad text %q", src.Orig)
		}
		if len(src.Orig) > 8<<20 {
			t.Fatalf("%d bytes of text beyond the limit", len(src.Orig))
		}
	})
}
