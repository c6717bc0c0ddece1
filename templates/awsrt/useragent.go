package awsrt

import (
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// UserAgentOptions are the parts of the SDK's User-Agent that depend on the
// client.
type UserAgentOptions struct {
	// API and Version name the service package ("eksauth", "1.1.0").
	API, Version string
	// AppID is aws.Config.AppID (omitted when empty).
	AppID string
	// Features are SDK feature codes ("E" standard retries, ...); see
	// UserAgentFeatures.
	Features []string
}

// UserAgent builds the User-Agent header the SDK sends, computed once per
// client:
//
//	aws-sdk-go-v2/1.48.0 ua/2.1 os/linux lang/go#1.26.8 md/GOOS#linux md/GOARCH#amd64 api/eksauth#1.1.0 m/E
//
// (app/<AppID> before the sorted feature list when set).
func UserAgent(o UserAgentOptions) string {
	var b strings.Builder
	b.WriteString(aws.SDKName + "/" + aws.SDKVersion + " ua/2.1 os/")
	b.WriteString(osName())
	b.WriteString(" lang/go#")
	b.WriteString(uaToken(strings.TrimPrefix(runtime.Version(), "go")))
	b.WriteString(" md/GOOS#" + uaToken(runtime.GOOS) + " md/GOARCH#" + uaToken(runtime.GOARCH))
	if ev := os.Getenv("AWS_EXECUTION_ENV"); ev != "" {
		b.WriteString(" exec-env/" + uaToken(ev))
	}
	if o.API != "" {
		b.WriteString(" api/" + uaToken(o.API) + "#" + uaToken(o.Version))
	}
	if o.AppID != "" {
		b.WriteString(" app/" + uaToken(o.AppID))
	}
	if len(o.Features) > 0 {
		fs := slices.Clone(o.Features)
		slices.Sort(fs)
		fs = slices.Compact(fs)
		b.WriteString(" m/")
		b.WriteString(strings.Join(fs, ","))
	}
	return b.String()
}

// UserAgentFeatures returns the feature codes the SDK derives from a retryer
// and a credentials provider: E or F for standard or adaptive retries, and
// one code per credential source the provider reports.
func UserAgentFeatures(r aws.Retryer, creds aws.CredentialsProvider) []string {
	var fs []string
	switch r.(type) {
	case *retry.Standard:
		fs = append(fs, "E")
	case *retry.AdaptiveMode:
		fs = append(fs, "F")
	}
	if ps, ok := creds.(aws.CredentialProviderSource); ok {
		for _, s := range ps.ProviderSources() {
			if f, ok := credentialFeatures[s]; ok {
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// credentialFeatures maps credential sources to the SDK's feature codes
// (aws/middleware user_agent.go).
var credentialFeatures = map[aws.CredentialSource]string{
	aws.CredentialSourceCode:                 "e",
	aws.CredentialSourceEnvVars:              "g",
	aws.CredentialSourceEnvVarsSTSWebIDToken: "h",
	aws.CredentialSourceSTSAssumeRole:        "i",
	aws.CredentialSourceSTSAssumeRoleSaml:    "j",
	aws.CredentialSourceSTSAssumeRoleWebID:   "k",
	aws.CredentialSourceSTSFederationToken:   "l",
	aws.CredentialSourceSTSSessionToken:      "m",
	aws.CredentialSourceProfile:              "n",
	aws.CredentialSourceProfileSourceProfile: "o",
	aws.CredentialSourceProfileNamedProvider: "p",
	aws.CredentialSourceProfileSTSWebIDToken: "q",
	aws.CredentialSourceProfileSSO:           "r",
	aws.CredentialSourceSSO:                  "s",
	aws.CredentialSourceProfileSSOLegacy:     "t",
	aws.CredentialSourceSSOLegacy:            "u",
	aws.CredentialSourceProfileProcess:       "v",
	aws.CredentialSourceProcess:              "w",
	aws.CredentialSourceHTTP:                 "z",
	aws.CredentialSourceIMDS:                 "0",
	aws.CredentialSourceProfileLogin:         "AC",
	aws.CredentialSourceLogin:                "AD",
}

func osName() string {
	switch runtime.GOOS {
	case "android", "linux", "windows", "ios":
		return runtime.GOOS
	case "darwin":
		return "macos"
	}
	return "other"
}

// uaToken replaces characters the SDK does not allow in User-Agent tokens
// with '-'.
func uaToken(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
			return r
		case strings.ContainsRune("!#$%&'*+-.^_`|~", r):
			return r
		}
		return '-'
	}, s)
}
