package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/atomicfile"
	"github.com/appilint/appilint/internal/config"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/fix"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
)

type fixOptions struct {
	check checkOptions // the settings shared with check (lang, config, encoding…)
	write bool
	force bool
}

func newFixCmd() *cobra.Command {
	o := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix FILE",
		Short: "Draft the missing clauses as a unified diff (or write them with --write)",
		Long: "fix drafts a clause for every required item the policy lacks, from the rule's\n" +
			"wording, and shows the insertions as a unified diff. Each clause goes at the end\n" +
			"of the section where the item belongs, or under a new heading at the end of the\n" +
			"document. 【…】 marks the facts only the author knows; fill them in before\n" +
			"publishing (appi/placeholder reports them until then). No other text changes.\n\n" +
			"Exit status: 0 nothing to add, 1 clauses drafted (the diff was printed), 2 error.",
		Example: "  appilint fix policy.md > policy.patch && patch -p0 < policy.patch\n" +
			"  appilint fix --write policy.md      # keeps policy.md.orig\n" +
			"  appilint fix --lang en policy.html",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runFix(cmd, o, args[0]) },
	}
	f := cmd.Flags()
	f.BoolVarP(&o.write, "write", "w", false, "apply the insertions to FILE (atomically), keeping the original as FILE.orig")
	f.BoolVar(&o.force, "force", false, "with --write, overwrite an existing FILE.orig")
	f.StringVar(&o.check.lang, "lang", "ja", "message language: ja or en (the drafted clauses stay Japanese)")
	f.StringVar(&o.check.encoding, "encoding", "", "force the input encoding: utf-8, shift_jis, euc-jp or iso-2022-jp (default: detect)")
	f.StringVar(&o.check.asOf, "as-of", "", "date (YYYY-MM-DD) that date-dependent rules compare against (default: today)")
	f.IntVar(&o.check.minors, "minors-age", 15, "age line for appi/minors")
	f.StringVar(&o.check.configPath, "config", "", "configuration file (default: "+config.FileName+" found from FILE's directory upwards)")
	f.BoolVar(&o.check.noConfig, "no-config", false, "ignore any configuration file")
	o.check.failOn = "none"
	return cmd
}

// langText picks the message in the language.
func langText(lang, ja, en string) string {
	if lang == "en" {
		return en
	}
	return ja
}

func runFix(cmd *cobra.Command, o *fixOptions, path string) error {
	parse.Prepare()
	st, err := resolveSettings(cmd, &o.check, []string{path})
	if err != nil {
		return err
	}
	lang := st.lang
	stderr := cmd.ErrOrStderr()
	if o.write && path == "-" {
		return usageErr("%s", langText(lang, "--write は標準入力には使えません", "--write cannot be used with standard input"))
	}

	src, res, err := loadAndCheck(cmd.InOrStdin(), path, load.Options{Encoding: o.check.encoding}, st)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	for _, w := range applySuppressions([]*engine.Result{res}, st.file, st.fileBase) {
		fmt.Fprintln(stderr, "appilint: warning:", w)
	}
	plan := fix.New(res)
	if plan.Empty() {
		fmt.Fprintln(stderr, "appilint:", langText(lang, src.Path+": 追加する文例はありません", src.Path+": nothing to add"))
		return nil
	}

	rewritable := src.Format == "txt" || src.Format == "md" || src.Format == "html"
	name := src.Path
	if !rewritable {
		name += langText(lang, "（抽出テキスト）", " (extracted text)")
	}
	var out strings.Builder
	for _, l := range plan.Header(src.Path, lang) {
		out.WriteString(l + "\n")
	}
	out.WriteString(plan.Unified(name, name))
	if _, err := io.WriteString(cmd.OutOrStdout(), out.String()); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if src.Encoding != "utf-8" && src.Encoding != "" {
		fmt.Fprintln(stderr, "appilint:", langText(lang,
			"差分は UTF-8 で表示しています（"+src.Path+" は "+src.Encoding+"）。適用には --write を使ってください。",
			"the diff is shown in UTF-8 ("+src.Path+" is "+src.Encoding+"); use --write to apply it"))
	}
	if !o.write {
		return &exitError{code: exitFindings}
	}

	if !rewritable {
		return usageErr("%s", langText(lang,
			src.Path+": "+strings.ToUpper(src.Format)+" は書き換えられません。差分は抽出テキストに対するものです。元の文書を編集してください",
			src.Path+": cannot rewrite "+strings.ToUpper(src.Format)+"; the diff is against the extracted text, so edit the source document"))
	}
	if err := writeFixed(path, src, plan, o.force, lang); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	fmt.Fprintln(stderr, "appilint:", langText(lang,
		path+" を更新しました（元のファイル: "+path+".orig）",
		"wrote "+path+" (original kept as "+path+".orig)"))
	return &exitError{code: exitFindings}
}

// loadAndCheck reads, parses and checks one input, keeping the loaded
// source (its encoding and format decide how the fix is written).
func loadAndCheck(stdin io.Reader, path string, lo load.Options, st *settings) (src *load.Source, res *engine.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", path, r)
		}
	}()
	if path == "-" {
		src, err = load.Reader("-", stdin, lo)
	} else {
		src, err = load.File(path, lo)
	}
	if err != nil {
		return nil, nil, err
	}
	doc, err := parse.Source(src)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", src.Path, err)
	}
	return src, engine.Run(doc, st.rules, st.cfg), nil
}

// writeFixed keeps the original as path.orig and replaces path atomically
// with the fixed text in the file's own encoding.
func writeFixed(path string, src *load.Source, plan *fix.Plan, force bool, lang string) error {
	backup := path + ".orig"
	if _, err := os.Lstat(backup); err == nil && !force {
		return errors.New(langText(lang,
			backup+" が既にあります。上書きするには --force を付けてください",
			backup+" already exists; use --force to overwrite it"))
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	data, err := fix.Encode(src.Encoding, raw, src.Orig, plan.Apply())
	if err != nil {
		return fmt.Errorf("%s: %s: %w", path, langText(lang, "書き込みを中止しました", "not written"), err)
	}
	perm := fi.Mode().Perm()
	if err := atomicfile.WriteFile(backup, raw, perm); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data, perm)
}
