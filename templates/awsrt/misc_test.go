package awsrt

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/encoding/httpbinding"
	smithytime "github.com/aws/smithy-go/time"
)

func TestEscapeLabelMatchesSmithy(t *testing.T) {
	inputs := []string{"", "my-cluster_1.~", "a b/c", "100%", "é", "a+b=c&d", "/lead/trail/", "\x00\xff"}
	for _, in := range inputs {
		for _, greedy := range []bool{false, true} {
			if got, want := EscapeLabel(in, greedy), httpbinding.EscapePath(in, !greedy); got != want {
				t.Errorf("EscapeLabel(%q, %v) = %q, want %q", in, greedy, got, want)
			}
		}
	}
	if n := testing.AllocsPerRun(10, func() { _ = EscapeLabel("my-cluster", false) }); n != 0 {
		t.Errorf("%v allocations for a label without escapes", n)
	}
}

func TestParseEpochSecondsMatchesSmithy(t *testing.T) {
	values := []float64{0, 1, -1, 1.5, 1515531081.123, 1515531081.1239, -1515531081.1239, 946684800, 0.0005, 1e12, -1e12, 9.2e12, 1e15}
	for _, v := range values {
		got, err := ParseEpochSeconds(v)
		if err != nil {
			t.Errorf("ParseEpochSeconds(%v): %v", v, err)
			continue
		}
		if want := smithytime.ParseEpochSeconds(v); !got.Equal(want) {
			t.Errorf("ParseEpochSeconds(%v) = %v, want %v", v, got, want)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1)} {
		if _, err := ParseEpochSeconds(v); err == nil {
			t.Errorf("ParseEpochSeconds(%v): no error", v)
		}
	}
	if got, err := ParseEpochSecondsString("1.5"); err != nil || !got.Equal(time.UnixMilli(1500)) {
		t.Errorf("ParseEpochSecondsString = %v, %v", got, err)
	}
}

func TestTimestampFormats(t *testing.T) {
	ts := time.Date(2014, 4, 29, 18, 30, 38, 120e6, time.UTC)
	if got := FormatDateTime(ts); got != "2014-04-29T18:30:38.12Z" {
		t.Errorf("FormatDateTime = %s", got)
	}
	if got := FormatHTTPDate(ts); got != "Tue, 29 Apr 2014 18:30:38 GMT" {
		t.Errorf("FormatHTTPDate = %s", got)
	}
	if got := string(AppendEpochSeconds(nil, ts)); got != "1398796238.12" {
		t.Errorf("AppendEpochSeconds = %s", got)
	}
	if got := string(AppendEpochSeconds(nil, time.Unix(946684800, 0))); got != "946684800" {
		t.Errorf("AppendEpochSeconds = %s", got)
	}
}

func TestUserAgent(t *testing.T) {
	ua := UserAgent(UserAgentOptions{API: "eksauth", Version: "1.2.3", AppID: "my app", Features: []string{"g", "E", "E"}})
	want := "aws-sdk-go-v2/" + aws.SDKVersion + " ua/2.1 os/" + osName() + " lang/go#" + strings.TrimPrefix(runtime.Version(), "go") +
		" md/GOOS#" + runtime.GOOS + " md/GOARCH#" + runtime.GOARCH
	if !strings.HasPrefix(ua, want) || !strings.HasSuffix(ua, " api/eksauth#1.2.3 app/my-app m/E,g") {
		t.Errorf("UserAgent = %q", ua)
	}
	if fs := UserAgentFeatures(retry.NewStandard(), nil); len(fs) != 1 || fs[0] != "E" {
		t.Errorf("UserAgentFeatures(standard) = %v", fs)
	}
}

func TestResolveRetryer(t *testing.T) {
	if got := ResolveRetryer(nil, "", 0).MaxAttempts(); got != 3 {
		t.Errorf("default max attempts %d", got)
	}
	if got := ResolveRetryer(nil, aws.RetryModeAdaptive, 5).MaxAttempts(); got != 5 {
		t.Errorf("adaptive max attempts %d", got)
	}
	if got := ResolveRetryer(aws.NopRetryer{}, "", 0).MaxAttempts(); got != 1 {
		t.Errorf("explicit retryer max attempts %d", got)
	}
	if _, ok := ResolveRetryer(nil, "", 0).(*retry.Standard); !ok {
		t.Error("default is not *retry.Standard")
	}
}

func TestResolveCredentials(t *testing.T) {
	static := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return aws.Credentials{}, nil })
	if _, ok := ResolveCredentials(static).(*aws.CredentialsCache); !ok {
		t.Error("plain provider not cached")
	}
	if ResolveCredentials(nil) != nil {
		t.Error("nil not kept")
	}
	if _, ok := ResolveCredentials(aws.AnonymousCredentials{}).(aws.AnonymousCredentials); !ok {
		t.Error("anonymous not kept")
	}
}

func TestSDKRequestHeader(t *testing.T) {
	for _, maxAttempts := range []int{0, 1, 2, 3, 5} {
		for attempt := 1; attempt <= 4; attempt++ {
			want := fmt.Sprintf("attempt=%d; max=%d", attempt, maxAttempts)
			if maxAttempts == 0 {
				want = fmt.Sprintf("attempt=%d", attempt)
			}
			if got := sdkRequestHeader(attempt, maxAttempts); got != want {
				t.Errorf("sdkRequestHeader(%d, %d) = %q, want %q", attempt, maxAttempts, got, want)
			}
		}
	}
}
