package emulator

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
)

// testConfig has one cluster with two associations and a 1-hour lifetime.
func testConfig(t *testing.T, extra string) *Config {
	t.Helper()
	cfg, err := Parse([]byte(`{"accountId":"111122223333","region":"eu-west-1","credentialLifetime":"1h",` + extra + `
		"clusters":[{"name":"c1"}],
		"associations":[
			{"cluster":"c1","namespace":"ns","serviceAccount":"sa","roleArn":"arn:aws:iam::111122223333:role/team/r1","associationId":"a-00000000000000001"},
			{"cluster":"c1","namespace":"ns","serviceAccount":"other","roleArn":"arn:aws:iam::111122223333:role/r2"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// seeded is a deterministic random source.
func seeded() io.Reader { return rand.NewChaCha8([32]byte{1}) }

// call runs AssumeRoleForPodIdentity on e.
func call(e *Emulator, cluster, token string) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
	return e.AssumeRoleForPodIdentity(context.Background(), &eksauth.AssumeRoleForPodIdentityInput{
		ClusterName: aws.String(cluster), Token: aws.String(token),
	})
}

// unsignedToken is tokenClaims as an unsigned token.
func unsignedToken(t *testing.T) string {
	t.Helper()
	c := tokenClaims()
	delete(c, "iss")
	return signedNone(t, c)
}

func TestEmulatorAnswer(t *testing.T) {
	clock := &fakeClock{now: epoch}
	run := func() *eksauth.AssumeRoleForPodIdentityOutput {
		e, err := New(testConfig(t, ""), Options{Now: clock.Now, Rand: seeded()})
		if err != nil {
			t.Fatal(err)
		}
		out, err := call(e, "c1", unsignedToken(t))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	out := run()
	c := out.Credentials
	if !aws.ToTime(c.Expiration).Equal(epoch.Add(time.Hour)) {
		t.Errorf("expiration %v, want %v", aws.ToTime(c.Expiration), epoch.Add(time.Hour))
	}
	if !regexp.MustCompile(`^ASIA[A-Z2-7]{16}$`).MatchString(*c.AccessKeyId) ||
		!regexp.MustCompile(`^[A-Za-z0-9+/]{40}$`).MatchString(*c.SecretAccessKey) || len(*c.SessionToken) != 256 {
		t.Errorf("credentials %q %q %q", *c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken)
	}
	arn := regexp.MustCompile(`^arn:aws:sts::111122223333:assumed-role/r1/(eks-c1-pod-1-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$`).
		FindStringSubmatch(*out.AssumedRoleUser.Arn)
	if arn == nil || *out.AssumedRoleUser.AssumeRoleId != roleID("arn:aws:iam::111122223333:role/team/r1")+":"+arn[1] {
		t.Errorf("assumed role user %q %q", *out.AssumedRoleUser.Arn, *out.AssumedRoleUser.AssumeRoleId)
	}
	if *out.PodIdentityAssociation.AssociationArn != "arn:aws:eks:eu-west-1:111122223333:podidentityassociation/c1/a-00000000000000001" ||
		*out.Subject.Namespace != "ns" || *out.Subject.ServiceAccount != "sa" || *out.Audience != Audience {
		t.Errorf("association %q subject %+v", *out.PodIdentityAssociation.AssociationArn, out.Subject)
	}
	// The same clock and random source give the same answer.
	if again := run(); *again.Credentials.AccessKeyId != *c.AccessKeyId || *again.AssumedRoleUser.Arn != *out.AssumedRoleUser.Arn {
		t.Errorf("not reproducible: %q vs %q", *again.AssumedRoleUser.Arn, *out.AssumedRoleUser.Arn)
	}
}

func TestEmulatorThrottleRefills(t *testing.T) {
	clock := &fakeClock{now: epoch}
	e, err := New(testConfig(t, `"throttle":{"requestsPerSecond":2,"burst":2},`), Options{Now: clock.Now, Rand: seeded()})
	if err != nil {
		t.Fatal(err)
	}
	tok := unsignedToken(t)
	steps := []struct {
		advance time.Duration
		want    string
	}{
		{0, ""}, {0, ""}, {0, "ThrottlingException"},
		{250 * time.Millisecond, "ThrottlingException"}, // half a token
		{250 * time.Millisecond, ""},                    // one token
		{0, "ThrottlingException"},
		{10 * time.Second, ""}, {0, ""}, {0, "ThrottlingException"}, // refilled to the burst only
	}
	for i, s := range steps {
		clock.Advance(s.advance)
		if _, err := call(e, "c1", tok); code(err) != s.want {
			t.Errorf("step %d: %v, want %q", i, err, s.want)
		}
	}
}

func TestEmulatorLookups(t *testing.T) {
	clock := &fakeClock{now: epoch}
	e, err := New(testConfig(t, ""), Options{Now: clock.Now, Rand: seeded()})
	if err != nil {
		t.Fatal(err)
	}
	other := tokenClaims()
	other["sub"] = "system:serviceaccount:ns:nobody"
	tests := []struct {
		name, cluster, token, want string
	}{
		{"found", "c1", unsignedToken(t), ""},
		{"unknown cluster", "c2", unsignedToken(t), "ResourceNotFoundException"},
		{"no association", "c1", signedNone(t, other), "ResourceNotFoundException"},
	}
	for _, tc := range tests {
		if _, err := call(e, tc.cluster, tc.token); code(err) != tc.want {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	// A failing random source is an unmodeled error (500 InternalFailure).
	broken, err := New(testConfig(t, ""), Options{Now: clock.Now, Rand: bytes.NewReader(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := call(broken, "c1", unsignedToken(t)); err == nil || code(err) != "unmodeled: drawing credentials: EOF" {
		t.Errorf("broken random source: %v", err)
	}
}

func TestEmulatorNewErrors(t *testing.T) {
	missing := `"tokenKeys":{"publicKeyFiles":["/does/not/exist.pub"]},`
	if _, err := New(testConfig(t, missing), Options{}); err == nil || !strings.Contains(err.Error(), "tokenKeys") {
		t.Errorf("missing key file: %v", err)
	}
	cfg := testConfig(t, "")
	cfg.Clusters[0].TokenKeys = &TokenKeys{JWKSFiles: []string{"/does/not/exist.json"}}
	if _, err := New(cfg, Options{}); err == nil || !strings.Contains(err.Error(), "cluster c1: tokenKeys") {
		t.Errorf("missing cluster key file: %v", err)
	}
}

func TestHandlerLogsOneLineWithoutSecrets(t *testing.T) {
	logs := &bytes.Buffer{}
	clock := &fakeClock{now: epoch}
	e, err := New(testConfig(t, ""), Options{Now: clock.Now, Rand: seeded(), Logger: newTextLogger(logs)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(e.Handler())
	tok := unsignedToken(t)
	resp, err := http.Post(ts.URL+"/clusters/c1/assume-role-for-pod-identity", "application/json", strings.NewReader(`{"token":"`+tok+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	ts.Close() // waits for the handler, and so for its log line
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	line := logs.String()
	if strings.Count(line, "\n") != 1 {
		t.Errorf("want one line, got %q", line)
	}
	for _, want := range []string{"method=POST", "status=200", "cluster=c1", "namespace=ns", "service_account=sa", "association_id=a-00000000000000001", "request_id="} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %q", line, want)
		}
	}
	secret := regexp.MustCompile(`"secretAccessKey":"([^"]+)"`).FindStringSubmatch(string(body))
	if secret == nil || strings.Contains(line, secret[1]) || strings.Contains(line, tok[:20]) || strings.Contains(line, "ASIA") {
		t.Errorf("log shows a secret or token: %q", line)
	}
}

// newTextLogger logs text lines to w.
func newTextLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
