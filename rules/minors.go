package rules

import "github.com/appilint/appilint/internal/engine"

var minorsRules = []*engine.Rule{}
