// Package emulator is the EKS Auth emulator served by cmd/eksauthmock: an
// eksauthmock.Service that answers AssumeRoleForPodIdentity from a
// configuration of clusters and pod identity associations, verifying the
// Kubernetes service-account token as EKS Auth does.
package emulator

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eksauthgen/eksauthgen/generated/eksauth"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/eksauthmock"
	"github.com/eksauthgen/eksauthgen/generated/eksauth/types"
)

// Options are the emulator's replaceable dependencies; the zero value
// uses the real clock and crypto/rand, and logs nothing.
type Options struct {
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Rand is the source of credentials and session IDs; crypto/rand when nil.
	Rand io.Reader
	// Logger receives one line per request; nil for none.
	Logger *slog.Logger
}

// Emulator answers AssumeRoleForPodIdentity calls. It is safe for
// concurrent use.
type Emulator struct {
	cfg      *Config
	lifetime time.Duration
	now      func() time.Time
	ids      ids
	limit    *bucket
	logger   *slog.Logger
	clusters map[string]*cluster // read-only after New
}

// cluster is the state of one configured cluster.
type cluster struct {
	verifier     verifier
	associations map[subjectKey]*Association
}

// subjectKey identifies a service account within a cluster.
type subjectKey struct{ namespace, serviceAccount string }

var _ eksauthmock.Service = (*Emulator)(nil)

// New returns an emulator for cfg (as returned by Load or Parse), reading
// its token key files.
func New(cfg *Config, opts Options) (*Emulator, error) {
	e := &Emulator{
		cfg:      cfg,
		lifetime: cfg.Lifetime(),
		now:      opts.Now,
		ids:      ids{rand: opts.Rand},
		logger:   opts.Logger,
		clusters: map[string]*cluster{},
	}
	if e.now == nil {
		e.now = time.Now
	}
	if e.ids.rand == nil {
		e.ids.rand = rand.Reader
	}
	e.limit = newBucket(cfg.Throttle, e.now)
	shared, err := loadKeys(cfg.TokenKeys)
	if err != nil {
		return nil, fmt.Errorf("tokenKeys: %w", err)
	}
	for _, c := range cfg.Clusters {
		keys := shared
		if c.TokenKeys != nil {
			if keys, err = loadKeys(c.TokenKeys); err != nil {
				return nil, fmt.Errorf("cluster %s: tokenKeys: %w", c.Name, err)
			}
		}
		e.clusters[c.Name] = &cluster{
			verifier:     verifier{keys: keys, issuer: c.Issuer, now: e.now},
			associations: map[subjectKey]*Association{},
		}
	}
	for i := range cfg.Associations {
		a := &cfg.Associations[i]
		e.clusters[a.Cluster].associations[subjectKey{a.Namespace, a.ServiceAccount}] = a
	}
	return e, nil
}

// Handler serves the emulator with the EKS Auth REST-JSON protocol,
// requiring SigV4 signatures when the configuration says so, and logging
// one line per request to Options.Logger.
func (e *Emulator) Handler() http.Handler {
	var opts []eksauthmock.Option
	if s := e.cfg.SigV4; s != nil {
		opts = append(opts, eksauthmock.WithSigV4(aws.Credentials{
			AccessKeyID:     s.AccessKeyID,
			SecretAccessKey: s.SecretAccessKey,
		}, s.Region))
	}
	return e.logRequests(eksauthmock.NewHandler(e, opts...))
}

// AssumeRoleForPodIdentity exchanges a pod's service-account token for
// the credentials of the role its pod identity association names.
func (e *Emulator) AssumeRoleForPodIdentity(ctx context.Context, in *eksauth.AssumeRoleForPodIdentityInput) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
	info := requestInfoFrom(ctx)
	if !e.limit.allow() {
		return nil, &types.ThrottlingException{Message: aws.String("Rate exceeded")}
	}
	name := aws.ToString(in.ClusterName)
	info.cluster = name
	c := e.clusters[name]
	if c == nil {
		return nil, &types.ResourceNotFoundException{Message: aws.String("No cluster found for name: " + name + ".")}
	}
	id, err := c.verifier.verify(aws.ToString(in.Token))
	if err != nil {
		return nil, err
	}
	info.namespace, info.serviceAccount = id.namespace, id.serviceAccount
	a := c.associations[subjectKey{id.namespace, id.serviceAccount}]
	if a == nil {
		return nil, &types.ResourceNotFoundException{Message: aws.String(fmt.Sprintf(
			"No pod identity association found for service account %s in namespace %s of cluster %s.",
			id.serviceAccount, id.namespace, name))}
	}
	info.associationID = a.AssociationID
	return e.answer(name, id, a)
}

// answer builds the credentials and identity of a successful call.
func (e *Emulator) answer(clusterName string, id *identity, a *Association) (*eksauth.AssumeRoleForPodIdentityOutput, error) {
	keyID, err1 := e.ids.accessKeyID()
	secret, err2 := e.ids.secretAccessKey()
	session, err3 := e.ids.sessionToken()
	uuid, err4 := e.ids.uuid()
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			return nil, fmt.Errorf("drawing credentials: %w", err)
		}
	}
	account, role := roleParts(a.RoleARN)
	name := sessionName(clusterName, id.pod, uuid)
	expiration := e.now().Add(e.lifetime).UTC().Truncate(time.Second)
	return &eksauth.AssumeRoleForPodIdentityOutput{
		Audience: aws.String(Audience),
		Subject: &types.Subject{
			Namespace:      aws.String(id.namespace),
			ServiceAccount: aws.String(id.serviceAccount),
		},
		PodIdentityAssociation: &types.PodIdentityAssociation{
			AssociationArn: aws.String(a.AssociationARN),
			AssociationId:  aws.String(a.AssociationID),
		},
		AssumedRoleUser: &types.AssumedRoleUser{
			Arn:          aws.String("arn:aws:sts::" + account + ":assumed-role/" + role + "/" + name),
			AssumeRoleId: aws.String(roleID(a.RoleARN) + ":" + name),
		},
		Credentials: &types.Credentials{
			AccessKeyId:     aws.String(keyID),
			SecretAccessKey: aws.String(secret),
			SessionToken:    aws.String(session),
			Expiration:      aws.Time(expiration),
		},
	}, nil
}
