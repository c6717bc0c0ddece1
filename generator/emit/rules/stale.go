package rules

import (
	"fmt"
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// Error texts of the AWS rule sets' capability checks: the region's
// partition does not support dual-stack, FIPS, or the pair.
const (
	noDualStackError = "does not support DualStack"
	noFIPSError      = "does not support FIPS"
	noBothError      = "does not support one or both"
)

// caseFlags are the partition-related inputs of one endpoint test case.
type caseFlags struct {
	region                string
	hasRegion             bool
	useFIPS, useDualStack bool
}

// flagsOf reads a test case's region, FIPS and dual-stack inputs from its
// params, falling back on the parameters' defaults. Parameters are found by
// their built-in (AWS::Region, AWS::UseFIPS, AWS::UseDualStack).
func flagsOf(caseParams ir.Node, params []*Param) caseFlags {
	var fl caseFlags
	for _, p := range params {
		v, ok := caseParams.Get(p.Name)
		if !ok && p.Default != nil {
			v, ok = *p.Default, true
		}
		if !ok {
			continue
		}
		switch p.BuiltIn {
		case "AWS::Region":
			fl.region, fl.hasRegion = v.Str, v.Kind == ir.StringNode
		case "AWS::UseFIPS":
			fl.useFIPS = v.Kind == ir.BoolNode && v.Bool
		case "AWS::UseDualStack":
			fl.useDualStack = v.Kind == ir.BoolNode && v.Bool
		}
	}
	return fl
}

// staleReason returns why an error case cannot pass against the partition
// table ps, or "": the case expects the rule set to refuse FIPS or
// dual-stack because the region's partition lacks it, but ps says the
// partition has it. Published models carry test cases written against the
// partition data of their day; the AWS partitions have since gained
// dual-stack support (the ISO partitions in 2025), which the built-in
// table follows.
func staleReason(errText string, fl caseFlags, ps partitions) string {
	if !fl.hasRegion {
		return ""
	}
	wantsDual := strings.Contains(errText, noDualStackError) || strings.Contains(errText, noBothError)
	wantsFIPS := strings.Contains(errText, noFIPSError) || strings.Contains(errText, noBothError)
	if !wantsDual && !wantsFIPS {
		return ""
	}
	pc := ps.lookup(fl.region)
	if pc == nil {
		return ""
	}
	dualOK := !fl.useDualStack || pc.supportsDualStack
	fipsOK := !fl.useFIPS || pc.supportsFIPS
	if !dualOK || !fipsOK {
		return "" // the table agrees that something is unsupported
	}
	var what []string
	if fl.useFIPS && wantsFIPS {
		what = append(what, "FIPS")
	}
	if fl.useDualStack && wantsDual {
		what = append(what, "dual-stack")
	}
	if len(what) == 0 {
		return ""
	}
	return fmt.Sprintf("expects partition %s without %s support; the built-in partition table has it", pc.name, strings.Join(what, " or "))
}
