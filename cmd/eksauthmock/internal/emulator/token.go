package emulator

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/golang-jwt/jwt/v5"

	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// Audience is the audience a pod identity token must be issued for.
const Audience = "pods.eks.amazonaws.com"

// subjectPrefix starts the "sub" claim of a service-account token.
const subjectPrefix = "system:serviceaccount:"

// signingMethods are the JWS algorithms accepted when keys are configured
// (Kubernetes signs with RS256 or ES256; the others are allowed for
// custom issuers). "none" and HMAC are never accepted.
var signingMethods = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}

// claims are the claims of a Kubernetes service-account token.
type claims struct {
	jwt.RegisteredClaims
	Kubernetes *kubeClaims `json:"kubernetes.io,omitempty"`
}

// kubeClaims is the "kubernetes.io" claim of a bound token.
type kubeClaims struct {
	Namespace      string   `json:"namespace"`
	Pod            *kubeRef `json:"pod,omitempty"`
	ServiceAccount *kubeRef `json:"serviceaccount,omitempty"`
}

// kubeRef names a Kubernetes object.
type kubeRef struct {
	Name string `json:"name"`
	UID  string `json:"uid"`
}

// identity is what a valid token says about its bearer.
type identity struct {
	namespace, serviceAccount, pod string
}

// verifier checks the tokens of one cluster.
type verifier struct {
	keys   []publicKey // none: signatures are not verified
	issuer string      // "" : any issuer
	now    func() time.Time
}

// verify parses and checks token, returning the modeled error EKS Auth
// answers for a bad one: InvalidTokenException for a malformed token, a bad
// signature, a wrong issuer or subject; ExpiredTokenException for an
// expired one; AccessDeniedException for a wrong audience.
func (v *verifier) verify(token string) (*identity, error) {
	c := &claims{}
	opts := []jwt.ParserOption{jwt.WithTimeFunc(v.now), jwt.WithExpirationRequired()}
	var err error
	if len(v.keys) > 0 {
		_, err = jwt.NewParser(append(opts, jwt.WithValidMethods(signingMethods))...).ParseWithClaims(token, c, v.keyFunc)
	} else if _, _, err = jwt.NewParser().ParseUnverified(token, c); err == nil {
		err = jwt.NewValidator(opts...).Validate(c)
	}
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return nil, &types.ExpiredTokenException{Message: aws.String("The service account token has expired.")}
	case err != nil:
		return nil, invalidToken("The service account token is not valid: " + err.Error())
	}
	if v.issuer != "" && c.Issuer != v.issuer {
		return nil, invalidToken("The service account token was not issued by the cluster's OIDC issuer.")
	}
	id, ok := parseSubject(c.Subject)
	if !ok {
		return nil, invalidToken("The token's subject is not system:serviceaccount:<namespace>:<name>.")
	}
	k := c.Kubernetes
	if k == nil || k.Pod == nil || k.Pod.Name == "" {
		return nil, invalidToken("The service account token is not bound to a pod.")
	}
	if k.Namespace != "" && k.Namespace != id.namespace {
		return nil, invalidToken("The token's kubernetes.io namespace does not match its subject.")
	}
	id.pod = k.Pod.Name
	if !slices.Contains(c.Audience, Audience) {
		return nil, &types.AccessDeniedException{Message: aws.String("The service account token's audience must include " + Audience + ".")}
	}
	return id, nil
}

// keyFunc offers the keys whose ID is the token's "kid", or every key when
// the token names none or no key has that ID.
func (v *verifier) keyFunc(t *jwt.Token) (any, error) {
	kid, _ := t.Header["kid"].(string)
	var set jwt.VerificationKeySet
	for _, k := range v.keys {
		if kid != "" && k.kid == kid {
			set.Keys = append(set.Keys, k.key)
		}
	}
	if len(set.Keys) == 0 {
		for _, k := range v.keys {
			set.Keys = append(set.Keys, k.key)
		}
	}
	return set, nil
}

// parseSubject splits system:serviceaccount:<namespace>:<name>.
func parseSubject(sub string) (*identity, bool) {
	rest, ok := strings.CutPrefix(sub, subjectPrefix)
	if !ok {
		return nil, false
	}
	ns, sa, ok := strings.Cut(rest, ":")
	if !ok || ns == "" || sa == "" || strings.Contains(sa, ":") {
		return nil, false
	}
	return &identity{namespace: ns, serviceAccount: sa}, true
}

// invalidToken is an InvalidTokenException with msg.
func invalidToken(msg string) error {
	return &types.InvalidTokenException{Message: aws.String(msg)}
}
