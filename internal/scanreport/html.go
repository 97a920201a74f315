package scanreport

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/appilint/appilint/internal/scan"
)

// WriteHTML writes report.html: one self-contained page (inline CSS, SVG
// and a small inline script; no external resources) with a summary, the
// heatmap of the matrix, a chart of the most common gaps, a sortable score
// table, every company's findings and the failed inputs. All text goes
// through html/template; a Content-Security-Policy that allows only the
// page's own script and style is defence in depth should escaping ever
// fail. The output depends only on the arguments.
func WriteHTML(w io.Writer, records []scan.Record, opt Options) error {
	return pageTemplate.Execute(w, buildView(records, opt))
}

type view struct {
	Lang, Title, Generated, CSP string
	L                           *labels

	Docs, Checked, Failed, Findings int
	AvgScore                        string

	Cols       []viewCol
	Rows       []viewRow
	FailedRows []*viewRow
	Chart      chart
}

type viewCol struct {
	column
	SevLabel   string
	Tip        string
	Violations int
}

type viewRow struct {
	N                                          int
	Anchor, Key                                string
	Name, Source, FinalURL, Operator, Encoding string
	Failed                                     bool
	Error                                      string
	Score                                      string  // "85%", "" for failed inputs
	ScoreVal                                   float64 // -1 for failed inputs, so they sort first
	Cells                                      []viewCell
	Findings                                   []viewFinding
	NError, NWarning, NInfo, Violated          int
}

type viewCell struct{ Class, Sym, Tip string }

type viewFinding struct {
	Severity, SevLabel, Rule, Title, Message, Article, Pos, Evidence string
	Missing                                                          bool
}

// chart is the horizontal bar chart of violation counts, laid out here so
// that the template only prints numbers.
type chart struct {
	W, H, LabelX, BarX, BarH int
	Bars                     []bar
}

type bar struct {
	Y, TextY, W, ValueX int
	Label, Tip, Value   string
	Class               string
}

const (
	chartTop     = 15 // rules shown
	chartRowH    = 26
	chartBarH    = 18
	chartLabelW  = 380
	chartBarMaxW = 380
	chartValueW  = 110
)

func buildView(records []scan.Record, opt Options) *view {
	lang := opt.lang()
	lab := labelsFor(lang)
	v := &view{Lang: lang, Title: opt.Title, L: lab, CSP: csp, Docs: len(records)}
	if v.Title == "" {
		v.Title = lab.DefaultTitle
	}
	if !opt.GeneratedAt.IsZero() {
		v.Generated = opt.GeneratedAt.Format("2006-01-02 15:04:05 MST")
	}
	cols := columns(records, opt)
	v.Cols = make([]viewCol, len(cols))
	for i, c := range cols {
		tip := c.ID + " — " + c.Title
		if c.Article != "" {
			tip += " (" + c.Article + ")"
		}
		v.Cols[i] = viewCol{column: c, SevLabel: lab.severity(c.Severity), Tip: tip}
	}
	titles := make(map[string]string, len(cols))
	articles := make(map[string]string, len(cols))
	for _, c := range cols {
		titles[c.ID], articles[c.ID] = c.Title, c.Article
	}

	var scoreSum float64
	v.Rows = make([]viewRow, len(records))
	for i := range records {
		r := &records[i]
		row := &v.Rows[i]
		row.N = i + 1
		row.Anchor = "c-" + strconv.Itoa(i+1)
		row.Name = displayName(r)
		row.Source, row.FinalURL, row.Operator, row.Encoding = r.Source, r.FinalURL, r.Operator, r.Encoding
		row.Key = strings.ToLower(row.Name + " " + r.Source)
		if failed(r) {
			row.Failed, row.Error, row.ScoreVal = true, r.Error, -1
			if row.Error == "" {
				row.Error = lab.UnknownError
			}
			v.Failed++
			v.FailedRows = append(v.FailedRows, row)
			continue
		}
		v.Checked++
		scoreSum += r.Score
		row.ScoreVal = r.Score
		row.Score = percent(r.Score, 0)
		st := statuses(r)
		row.Cells = make([]viewCell, len(cols))
		for j, c := range cols {
			s, ok := st[c.ID]
			cell := &row.Cells[j]
			switch {
			case !ok:
				cell.Class, cell.Sym, cell.Tip = "c no", "", lab.NotRun
			case s.Status == "ok":
				cell.Class, cell.Sym, cell.Tip = "c ok", "○", lab.OK
			case s.Status == "violation":
				sev := s.Severity
				if sev == "" {
					sev = c.Severity
				}
				cell.Class, cell.Sym, cell.Tip = "c v-"+sevClass(sev), "×", lab.Violation+" ("+lab.severity(sev)+")"
				v.Cols[j].Violations++
				row.Violated++
			case s.Status == "na":
				cell.Class, cell.Sym, cell.Tip = "c na", "–", lab.NA
			default:
				cell.Class, cell.Sym, cell.Tip = "c no", "?", s.Status
			}
			cell.Tip = c.ID + ": " + cell.Tip
		}
		for _, f := range r.Findings {
			switch sevClass(f.Severity) {
			case "error":
				row.NError++
			case "warning":
				row.NWarning++
			default:
				row.NInfo++
			}
			title, article := titles[f.Rule], f.Article
			if title == "" {
				title = f.Rule
			}
			if article == "" {
				article = articles[f.Rule]
			}
			pos := "—"
			if f.Line > 0 {
				pos = strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
			}
			row.Findings = append(row.Findings, viewFinding{
				Severity: sevClass(f.Severity), SevLabel: lab.severity(f.Severity),
				Rule: f.Rule, Title: title, Message: f.Message, Article: article,
				Pos: pos, Evidence: f.Evidence, Missing: f.Missing,
			})
		}
		v.Findings += len(r.Findings)
	}
	if v.Checked > 0 {
		v.AvgScore = percent(scoreSum/float64(v.Checked), 1)
	} else {
		v.AvgScore = "—"
	}
	v.Chart = buildChart(v.Cols, v.Checked, lab)
	return v
}

func buildChart(cols []viewCol, checked int, lab *labels) chart {
	top := make([]viewCol, 0, len(cols))
	for _, c := range cols {
		if c.Violations > 0 {
			top = append(top, c)
		}
	}
	// Stable: equal counts keep the column (rule ID) order.
	sort.SliceStable(top, func(i, j int) bool { return top[i].Violations > top[j].Violations })
	if len(top) > chartTop {
		top = top[:chartTop]
	}
	ch := chart{W: chartLabelW + 10 + chartBarMaxW + chartValueW, LabelX: chartLabelW, BarX: chartLabelW + 10, BarH: chartBarH}
	ch.H = len(top)*chartRowH + 8
	if len(top) == 0 {
		ch.H = chartRowH + 8
	}
	maxN := 1
	if len(top) > 0 {
		maxN = top[0].Violations
	}
	for i, c := range top {
		y := 4 + i*chartRowH
		w := c.Violations * chartBarMaxW / maxN
		if w < 2 {
			w = 2
		}
		value := strconv.Itoa(c.Violations)
		if checked > 0 {
			value += " (" + percent(float64(c.Violations)/float64(checked), 0) + ")"
		}
		ch.Bars = append(ch.Bars, bar{
			Y: y + (chartRowH-chartBarH)/2, TextY: y + chartRowH/2 + 5, W: w, ValueX: chartLabelW + 10 + w + 6,
			Label: truncate(c.Title, lab.ChartLabelRunes), Tip: c.ID + " — " + c.Title + ": " + value,
			Value: value, Class: "b-" + sevClass(c.Severity),
		})
	}
	return ch
}

func displayName(r *scan.Record) string {
	switch {
	case r.Company != "":
		return r.Company
	case r.Operator != "":
		return r.Operator
	}
	return r.Source
}

func percent(f float64, prec int) string {
	return strconv.FormatFloat(f*100, 'f', prec, 64) + "%"
}

// sevClass maps a severity to a CSS class suffix; unknown ones count as info.
func sevClass(s string) string {
	switch s {
	case "error", "warning":
		return s
	}
	return "info"
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

type labels struct {
	DefaultTitle, Generated, Tool                                      string
	Summary, Docs, Checked, Failed, AvgScore, FindingsTotal, RuleCount string
	Heatmap, HeatmapNote, Legend                                       string
	OK, Violation, NA, NotRun, SevError, SevWarning, SevInfo           string
	Company, Source, Status, Score, Violated, Errors, Warnings, Infos  string
	StatusOK, StatusFailed, ViolationsRow                              string
	Chart, ChartNote, ChartEmpty                                       string
	ChartLabelRunes                                                    int // label length that fits the chart's label area
	Scores, ScoresNote                                                 string
	Details, NoFindings, Severity, Rule, Message, Article, Position    string
	Evidence, MissingAnchor, FinalURL, Operator, Encoding              string
	FailedInputs, Reason, NoneFailed, UnknownError                     string
	Filter, ExpandAll, CollapseAll, RuleList, Contents                 string
}

func (l *labels) severity(s string) string {
	switch s {
	case "error":
		return l.SevError
	case "warning":
		return l.SevWarning
	case "info":
		return l.SevInfo
	}
	return s
}

var labelsJA = &labels{
	DefaultTitle: "プライバシーポリシー一括検査レポート", Generated: "作成日時", Tool: "appilint（個人情報保護法 準拠チェッカー）",
	Summary: "概要", Docs: "文書数", Checked: "検査済み", Failed: "読み込み失敗", AvgScore: "平均スコア", FindingsTotal: "指摘件数", RuleCount: "ルール数",
	Heatmap: "適合状況マトリクス", HeatmapNote: "行が会社、列がルールです。列見出しにカーソルを合わせるとルールIDと根拠条文が表示されます。会社名をクリックすると指摘事項へ移動します。", Legend: "凡例",
	OK: "適合", Violation: "違反", NA: "対象外", NotRun: "未検査", SevError: "エラー", SevWarning: "警告", SevInfo: "情報",
	Company: "会社", Source: "入力", Status: "状態", Score: "スコア", Violated: "違反ルール数", Errors: "エラー", Warnings: "警告", Infos: "情報",
	StatusOK: "検査済み", StatusFailed: "失敗", ViolationsRow: "違反数",
	Chart: "よくある不備", ChartNote: "違反の多いルール（上位15件）。括弧内は検査済み文書に占める割合です。", ChartEmpty: "違反はありません。", ChartLabelRunes: 30,
	Scores: "会社別スコア", ScoresNote: "スコアは適用されるルールのうち適合しているものの割合です。見出しをクリックすると並べ替えられます。",
	Details: "会社別の指摘事項", NoFindings: "指摘はありません。", Severity: "重要度", Rule: "ルール", Message: "内容", Article: "根拠", Position: "位置",
	Evidence: "該当箇所", MissingAnchor: "記載なし（追記位置の目安）", FinalURL: "最終URL", Operator: "事業者名", Encoding: "文字コード",
	FailedInputs: "読み込みに失敗した入力", Reason: "理由", NoneFailed: "ありません。", UnknownError: "不明なエラー",
	Filter: "会社名・入力で絞り込み", ExpandAll: "すべて開く", CollapseAll: "すべて閉じる", RuleList: "ルール一覧", Contents: "目次",
}

var labelsEN = &labels{
	DefaultTitle: "Privacy policy scan report", Generated: "Generated", Tool: "appilint (APPI compliance linter)",
	Summary: "Summary", Docs: "Documents", Checked: "Checked", Failed: "Failed", AvgScore: "Average score", FindingsTotal: "Findings", RuleCount: "Rules",
	Heatmap: "Compliance matrix", HeatmapNote: "Rows are companies, columns are rules. Hover over a column header for the rule ID and article; click a company to jump to its findings.", Legend: "Legend",
	OK: "ok", Violation: "violation", NA: "n/a", NotRun: "not checked", SevError: "error", SevWarning: "warning", SevInfo: "info",
	Company: "Company", Source: "Source", Status: "Status", Score: "Score", Violated: "Rules violated", Errors: "Errors", Warnings: "Warnings", Infos: "Info",
	StatusOK: "checked", StatusFailed: "failed", ViolationsRow: "Violations",
	Chart: "Most common gaps", ChartNote: "Rules violated most often (top 15); in brackets, the share of checked documents.", ChartEmpty: "No violations.", ChartLabelRunes: 56,
	Scores: "Scores by company", ScoresNote: "The score is the share of applicable rules that are satisfied. Click a header to sort.",
	Details: "Findings by company", NoFindings: "No findings.", Severity: "Severity", Rule: "Rule", Message: "Message", Article: "Article", Position: "Position",
	Evidence: "Evidence", MissingAnchor: "missing (where to add it)", FinalURL: "Final URL", Operator: "Operator", Encoding: "Encoding",
	FailedInputs: "Failed inputs", Reason: "Reason", NoneFailed: "None.", UnknownError: "unknown error",
	Filter: "Filter by company or source", ExpandAll: "Expand all", CollapseAll: "Collapse all", RuleList: "Rules", Contents: "Contents",
}

func labelsFor(lang string) *labels {
	if lang == "en" {
		return labelsEN
	}
	return labelsJA
}

// The page's own style and script; the CSP admits exactly these by hash.
var (
	csp          = "default-src 'none'; style-src " + hashSource(pageStyle) + "; script-src " + hashSource(pageScript) + "; img-src data:; base-uri 'none'; form-action 'none'"
	pageTemplate = template.Must(template.New("report").Parse(strings.NewReplacer("{{STYLE}}", pageStyle, "{{SCRIPT}}", pageScript).Replace(pageHTML)))
)

func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return fmt.Sprintf("'sha256-%s'", base64.StdEncoding.EncodeToString(sum[:]))
}
