package facts_test

import (
	"testing"
	"time"

	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/parse"
)

// computeFacts parses text and computes its facts.
func computeFacts(t *testing.T, text string) *facts.Facts {
	t.Helper()
	doc, err := parse.Text("fixture.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	return facts.Compute(doc)
}

func TestFindDates(t *testing.T) {
	type want struct {
		text string
		date string
		role facts.DateRole
		prec facts.DatePrecision
	}
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"labels before", "制定日：2015年4月1日\n改定日:2022年4月1日\n最終更新日 2025年1月11日",
			[]want{{"2015年4月1日", "2015-04-01", facts.RoleEnacted, facts.PrecisionDay}, {"2022年4月1日", "2022-04-01", facts.RoleRevised, facts.PrecisionDay}, {"2025年1月11日", "2025-01-11", facts.RoleUpdated, facts.PrecisionDay}}},
		{"labels after", "2021年8月24日制定\n2024年4月27日より施行されています。\n2024年5月26日現在のものです。",
			[]want{{"2021年8月24日", "2021-08-24", facts.RoleEnacted, facts.PrecisionDay}, {"2024年4月27日", "2024-04-27", facts.RoleEffective, facts.PrecisionDay}, {"2024年5月26日", "2024-05-26", facts.RoleAsOf, facts.PrecisionDay}}},
		{"wareki and fullwidth", "令和4年4月1日 改定\n平成元年１２月７日制定\n令和元年5月1日 改訂",
			[]want{{"2022年4月1日", "2022-04-01", facts.RoleRevised, facts.PrecisionDay}, {"1989年12月7日", "1989-12-07", facts.RoleEnacted, facts.PrecisionDay}, {"2019年5月1日", "2019-05-01", facts.RoleRevised, facts.PrecisionDay}}},
		{"numeric forms", "2022/4/1 制定\n改定 2022.10.01\n2023-04-01 改訂",
			[]want{{"2022/4/1", "2022-04-01", facts.RoleEnacted, facts.PrecisionDay}, {"2022.10.01", "2022-10-01", facts.RoleRevised, facts.PrecisionDay}, {"2023-04-01", "2023-04-01", facts.RoleRevised, facts.PrecisionDay}}},
		{"month only", "2022年4月 改定", []want{{"2022年4月", "2022-04-01", facts.RoleRevised, facts.PrecisionMonth}}},
		{"spaced", "改定日：2025 年 3 月 14 日", []want{{"2025 年 3 月 14 日", "2025-03-14", facts.RoleRevised, facts.PrecisionDay}}},
		{"operation start", "運用開始:2018年10月1日", []want{{"2018年10月1日", "2018-10-01", facts.RoleEffective, facts.PrecisionDay}}},
		{"sign-off", "以上\n2025年10月1日\n株式会社サンプル\n2024年1月1日 株式会社サンプル",
			[]want{{"2025年10月1日", "2025-10-01", facts.RoleSigned, facts.PrecisionDay}, {"2024年1月1日", "2024-01-01", facts.RoleSigned, facts.PrecisionDay}}},
		{"table row", "| 改定日 | 2023年6月1日 |", []want{{"2023年6月1日", "2023-06-01", facts.RoleRevised, facts.PrecisionDay}}},
		{"history table", "| 日付 | 内容 |\n| 2015年4月1日 | 制定 |\n| 2023年4月1日 | 第三者提供の項を改定 |",
			[]want{{"2015年4月1日", "2015-04-01", facts.RoleEnacted, facts.PrecisionDay}, {"2023年4月1日", "2023-04-01", facts.RoleRevised, facts.PrecisionDay}}},
		{"other revision words", "2023年4月1日 追記\n2024年1月5日 一部修正\nLast updated: 2025年2月1日",
			[]want{{"2023年4月1日", "2023-04-01", facts.RoleRevised, facts.PrecisionDay}, {"2024年1月5日", "2024-01-05", facts.RoleRevised, facts.PrecisionDay}, {"2025年2月1日", "2025-02-01", facts.RoleUpdated, facts.PrecisionDay}}},
		{"version label", "第3版 2023年6月1日", []want{{"2023年6月1日", "2023-06-01", facts.RoleRevised, facts.PrecisionDay}}},
		{"a law's date is not the policy's", "2022年4月1日施行の改正個人情報保護法に対応しました。\n改正法の施行日(2022年4月1日)以降",
			[]want{{"2022年4月1日", "2022-04-01", facts.RoleNone, facts.PrecisionDay}, {"2022年4月1日", "2022-04-01", facts.RoleNone, facts.PrecisionDay}}},
		{"prose date", "当社は2010年4月1日に設立されました。\nお届け日：2022年5月1日",
			[]want{{"2010年4月1日", "2010-04-01", facts.RoleNone, facts.PrecisionDay}, {"2022年5月1日", "2022-05-01", facts.RoleNone, facts.PrecisionDay}}},
		{"not dates", "電話番号 0742-26-5152\n〒810-0004\n受付 9:00〜17:00\nバージョン 12022.4.1\n2022年13月1日\n2023年2月30日", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := computeFacts(t, c.text).Dates
			if len(got) != len(c.want) {
				var texts []string
				for _, d := range got {
					texts = append(texts, d.Text+"/"+string(d.Role))
				}
				t.Fatalf("got %d dates %q, want %d", len(got), texts, len(c.want))
			}
			for i, w := range c.want {
				d := got[i]
				if d.Text != w.text || d.Time.Format("2006-01-02") != w.date || d.Role != w.role || d.Precision != w.prec {
					t.Errorf("date %d = %q %s role %q prec %d, want %q %s role %q prec %d", i, d.Text, d.Time.Format("2006-01-02"), d.Role, d.Precision, w.text, w.date, w.role, w.prec)
				}
				if d.Sentence == nil {
					t.Errorf("date %d has no sentence", i)
				}
				if d.Versions() != (w.role != facts.RoleNone) {
					t.Errorf("date %d Versions() = %v", i, d.Versions())
				}
			}
		})
	}
}

func TestFindDatesSpan(t *testing.T) {
	text := "制定日：２０２１年１月１日"
	doc, err := parse.Text("fixture.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	ds := facts.Compute(doc).Dates
	if len(ds) != 1 {
		t.Fatalf("got %d dates, want 1", len(ds))
	}
	if got := doc.Slice(ds[0].Span); got != "2021年1月1日" {
		t.Errorf("span text = %q", got)
	}
	if !ds[0].Time.Equal(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("time = %s", ds[0].Time)
	}
	a, b := doc.OrigRange(ds[0].Span)
	if got := doc.Orig[a:b]; got != "２０２１年１月１日" {
		t.Errorf("original text = %q", got)
	}
}
