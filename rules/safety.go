package rules

import "github.com/appilint/appilint/internal/engine"

var safetyRules = []*engine.Rule{}
