package main

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/golang-jwt/jwt/v5"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// errorCode is the API error code of err, or "" when it is none.
func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

// isType reports whether err's chain holds a *T.
func isType[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

func TestEmulatorSuccess(t *testing.T) {
	key, pub := newSigningKey(t, t.TempDir())
	cfg := exampleConfig(t)
	cfg["tokenKeys"] = map[string]any{"publicKeyFiles": []string{pub}}
	emu := startEmulator(t, cfg)
	c := client(emu.url, nil)
	tests := []struct {
		name, cluster, ns, sa, pod string
		account, role, assocID     string
		assocARN                   string
		session                    string // the session name before the UUID
	}{
		// eks-<cluster>-<pod>-<uuid> is cut to 64 characters: the pod name
		// gets the 11 characters the cluster name leaves of 22.
		{"id and default ARN", "dev-cluster", "default", "app", "web-7d9f8-abcde", "111122223333", "app-role", "a-abcdefghijklmnop1",
			"arn:aws:eks:us-west-2:111122223333:podidentityassociation/dev-cluster/a-abcdefghijklmnop1", "eks-dev-cluster-web-7d9f8-a-"},
		{"role path, derived id", "dev-cluster", "payments", "billing", "billing-0", "111122223333", "billing-role", "", "",
			"eks-dev-cluster-billing-0-"},
		{"issuer checked, other account", "staging", "default", "app", "web-1", "444455556666", "staging-app", "a-0123456789abcdefg",
			"arn:aws:eks:us-west-2:111122223333:podidentityassociation/staging/a-0123456789abcdefg", "eks-staging-web-1-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := time.Now()
			out, err := assume(c, tc.cluster, sign(t, key, podClaims(tc.ns, tc.sa, tc.pod)))
			if err != nil {
				t.Fatal(err)
			}
			cr := out.Credentials
			if !regexp.MustCompile(`^ASIA[A-Z2-7]{16}$`).MatchString(aws.ToString(cr.AccessKeyId)) ||
				len(aws.ToString(cr.SecretAccessKey)) != 40 || len(aws.ToString(cr.SessionToken)) < 100 {
				t.Errorf("credentials %q %q %q", aws.ToString(cr.AccessKeyId), aws.ToString(cr.SecretAccessKey), aws.ToString(cr.SessionToken))
			}
			if exp := aws.ToTime(cr.Expiration); exp.Before(before.Add(6*time.Hour-time.Second)) || exp.After(time.Now().Add(6*time.Hour)) {
				t.Errorf("expiration %v, want now + 6h", exp)
			}
			session := regexp.QuoteMeta(tc.session) + `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`
			arnRE := regexp.MustCompile(`^arn:aws:sts::` + tc.account + `:assumed-role/` + tc.role + `/(` + session + `)$`)
			m := arnRE.FindStringSubmatch(aws.ToString(out.AssumedRoleUser.Arn))
			if m == nil || len(m[1]) > 64 {
				t.Fatalf("assumed role ARN %q does not match %s, or its session name is longer than 64", aws.ToString(out.AssumedRoleUser.Arn), arnRE)
			}
			if id := aws.ToString(out.AssumedRoleUser.AssumeRoleId); !regexp.MustCompile(`^AROA[A-Z2-7]{17}:` + regexp.QuoteMeta(m[1]) + `$`).MatchString(id) {
				t.Errorf("assumeRoleId %q does not end with session %q", id, m[1])
			}
			if aws.ToString(out.Audience) != "pods.eks.amazonaws.com" ||
				aws.ToString(out.Subject.Namespace) != tc.ns || aws.ToString(out.Subject.ServiceAccount) != tc.sa {
				t.Errorf("audience %q subject %+v", aws.ToString(out.Audience), out.Subject)
			}
			id, arn := aws.ToString(out.PodIdentityAssociation.AssociationId), aws.ToString(out.PodIdentityAssociation.AssociationArn)
			if tc.assocID == "" { // derived: stable and well-formed
				if !regexp.MustCompile(`^a-[a-z0-9]{17}$`).MatchString(id) || arn != "arn:aws:eks:us-west-2:111122223333:podidentityassociation/"+tc.cluster+"/"+id {
					t.Errorf("derived association %q %q", id, arn)
				}
			} else if id != tc.assocID || arn != tc.assocARN {
				t.Errorf("association %q %q, want %q %q", id, arn, tc.assocID, tc.assocARN)
			}
		})
	}
	// Two calls get different credentials and sessions.
	tok := sign(t, key, podClaims("default", "app", "p"))
	a, err1 := assume(c, "dev-cluster", tok)
	b, err2 := assume(c, "dev-cluster", tok)
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if *a.Credentials.AccessKeyId == *b.Credentials.AccessKeyId || *a.AssumedRoleUser.Arn == *b.AssumedRoleUser.Arn ||
		strings.Split(*a.AssumedRoleUser.AssumeRoleId, ":")[0] != strings.Split(*b.AssumedRoleUser.AssumeRoleId, ":")[0] {
		t.Errorf("two calls: %v / %v, want fresh credentials and session, the same role ID",
			*a.AssumedRoleUser.AssumeRoleId, *b.AssumedRoleUser.AssumeRoleId)
	}
}

func TestEmulatorErrors(t *testing.T) {
	dir := t.TempDir()
	key, pub := newSigningKey(t, dir)
	other, _ := newSigningKey(t, t.TempDir())
	cfg := exampleConfig(t)
	cfg["tokenKeys"] = map[string]any{"publicKeyFiles": []string{pub}}
	emu := startEmulator(t, cfg)
	c := client(emu.url, nil)
	with := func(edit func(jwt.MapClaims)) jwt.MapClaims {
		cl := podClaims("default", "app", "web-1")
		edit(cl)
		return cl
	}
	good := podClaims("default", "app", "web-1")
	hmac, err := jwt.NewWithClaims(jwt.SigningMethodHS256, good).SignedString([]byte("k"))
	if err != nil {
		t.Fatal(err)
	}
	none, err := jwt.NewWithClaims(jwt.SigningMethodNone, good).SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	valid := sign(t, key, good)
	tampered := valid[:strings.LastIndex(valid, ".")] + "." + strings.Repeat("A", 86)
	tests := []struct {
		name, cluster, token string
		want                 func(error) bool
		code                 string
	}{
		{"expired", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Minute).Unix() })),
			isType[*types.ExpiredTokenException], "ExpiredTokenException"},
		{"signed by another key", "dev-cluster", sign(t, other, good), isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"tampered signature", "dev-cluster", tampered, isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"HMAC", "dev-cluster", hmac, isType[*types.InvalidTokenException], "InvalidTokenException"},
		// The model's pattern for tokens refuses an empty signature.
		{"alg none", "dev-cluster", none, isType[*types.InvalidParameterException], "InvalidParameterException"},
		{"alg none with a signature", "dev-cluster", none + "c2ln", isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"not three segments", "dev-cluster", "not-a-jwt", isType[*types.InvalidParameterException], "InvalidParameterException"},
		{"malformed", "dev-cluster", "abc.def.ghi", isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"claims not JSON", "dev-cluster", "eyJhbGciOiJFUzI1NiJ9.bm90LWpzb24.c2ln", isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"no exp", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { delete(c, "exp") })), isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"not yet valid", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { c["nbf"] = time.Now().Add(time.Hour).Unix() })),
			isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"subject not a service account", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { c["sub"] = "alice" })),
			isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"not bound to a pod", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { delete(c, "kubernetes.io") })),
			isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"wrong issuer", "staging", sign(t, key, with(func(c jwt.MapClaims) { c["iss"] = "https://kubernetes.default.svc" })),
			isType[*types.InvalidTokenException], "InvalidTokenException"},
		{"unknown cluster", "prod", valid, isType[*types.ResourceNotFoundException], "ResourceNotFoundException"},
		{"no association", "dev-cluster", sign(t, key, podClaims("kube-system", "app", "web-1")),
			isType[*types.ResourceNotFoundException], "ResourceNotFoundException"},
		{"wrong audience", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { c["aud"] = []string{"sts.amazonaws.com"} })),
			isType[*types.AccessDeniedException], "AccessDeniedException"},
		{"audience as one string", "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) { c["aud"] = "https://kubernetes.default.svc" })),
			isType[*types.AccessDeniedException], "AccessDeniedException"},
		{"invalid cluster name", "-bad", valid, isType[*types.InvalidParameterException], "InvalidParameterException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := assume(c, tc.cluster, tc.token)
			if !tc.want(err) || errorCode(err) != tc.code {
				t.Errorf("got %+v, %v; want %s", out, err, tc.code)
			}
		})
	}
	// The same token with several audiences including the pods one is fine.
	if _, err := assume(c, "dev-cluster", sign(t, key, with(func(c jwt.MapClaims) {
		c["aud"] = []string{"sts.amazonaws.com", "pods.eks.amazonaws.com"}
	}))); err != nil {
		t.Errorf("two audiences: %v", err)
	}

	emu.stop()
	logs := emu.logs.String()
	if n := strings.Count(logs, "msg=request "); n != len(tests)+1 {
		t.Errorf("%d request log lines, want %d:\n%s", n, len(tests)+1, logs)
	}
	for _, want := range []string{"error=ExpiredTokenException", "error=ResourceNotFoundException", "cluster=prod", "namespace=kube-system", "status=404"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, valid[:40]) || strings.Contains(logs, "eyJ") {
		t.Errorf("the log shows a token:\n%s", logs)
	}
}

func TestEmulatorUnverifiedTokens(t *testing.T) {
	// Without keys the signature is not checked, but expiry, audience and
	// subject are.
	other, _ := newSigningKey(t, t.TempDir())
	emu := startEmulator(t, exampleConfig(t))
	c := client(emu.url, nil)
	if _, err := assume(c, "dev-cluster", sign(t, other, podClaims("default", "app", "p"))); err != nil {
		t.Errorf("any signature: %v", err)
	}
	expired := podClaims("default", "app", "p")
	expired["exp"] = time.Now().Add(-time.Second).Unix()
	wrongAud := podClaims("default", "app", "p")
	wrongAud["aud"] = []string{"x"}
	for token, code := range map[string]string{
		sign(t, other, expired):  "ExpiredTokenException",
		sign(t, other, wrongAud): "AccessDeniedException",
		"a.b.c":                  "InvalidTokenException",
	} {
		if _, err := assume(c, "dev-cluster", token); errorCode(err) != code {
			t.Errorf("%.30s…: %v, want %s", token, err, code)
		}
	}
}

func TestEmulatorThrottling(t *testing.T) {
	cfg := exampleConfig(t)
	cfg["throttle"] = map[string]any{"requestsPerSecond": 0.01, "burst": 3}
	emu := startEmulator(t, cfg)
	c := client(emu.url, nil)
	key, _ := newSigningKey(t, t.TempDir())
	token := sign(t, key, podClaims("default", "app", "p"))
	var (
		wg          sync.WaitGroup
		mu          sync.Mutex
		ok, limited int
	)
	for range 8 {
		wg.Go(func() {
			_, err := assume(c, "dev-cluster", token)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case isType[*types.ThrottlingException](err):
				limited++
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if ok != 3 || limited != 5 {
		t.Errorf("%d calls succeeded and %d were throttled, want 3 and 5", ok, limited)
	}
}

func TestEmulatorSigV4(t *testing.T) {
	cfg := exampleConfig(t)
	cfg["sigv4"] = map[string]any{"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "region": "us-west-2"}
	emu := startEmulator(t, cfg)
	key, _ := newSigningKey(t, t.TempDir())
	token := sign(t, key, podClaims("default", "app", "p"))
	creds := func(id, secret string) aws.CredentialsProvider {
		return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: id, SecretAccessKey: secret}, nil
		})
	}
	tests := []struct {
		name  string
		creds aws.CredentialsProvider
		code  string
	}{
		{"signed", creds("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), ""},
		{"unsigned", nil, "MissingAuthenticationTokenException"},
		{"wrong secret", creds("AKIDEXAMPLE", "nope"), "SignatureDoesNotMatch"},
		{"unknown key", creds("AKIDOTHER", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "UnrecognizedClientException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := assume(client(emu.url, tc.creds), "dev-cluster", token)
			if errorCode(err) != tc.code || (tc.code == "") != (err == nil) {
				t.Errorf("got %v, want %q", err, tc.code)
			}
		})
	}
}
