package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/eksauthgen/eksauthgen/cmd/eksauthmock/internal/emulator"
)

// shutdownTimeout bounds how long in-flight requests may take to finish
// once the emulator is asked to stop.
const shutdownTimeout = 10 * time.Second

// serve loads the configuration at configPath and serves it on addr until
// ctx is done, then shuts the server down gracefully.
func serve(ctx context.Context, addr, configPath string, logOut io.Writer) error {
	logger := slog.New(slog.NewTextHandler(logOut, nil))
	srv, err := newServer(configPath, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return serveOn(ctx, srv, ln, logger)
}

// newServer returns the HTTP server of the emulator configured by the
// file at configPath, logging to logger.
func newServer(configPath string, logger *slog.Logger) (*http.Server, error) {
	cfg, err := emulator.Load(configPath)
	if err != nil {
		return nil, err
	}
	emu, err := emulator.New(cfg, emulator.Options{Logger: logger})
	if err != nil {
		return nil, err
	}
	logger.Info("configured", "config", configPath,
		"clusters", len(cfg.Clusters), "associations", len(cfg.Associations),
		"token_signatures_verified", cfg.VerifiesSignatures(), "sigv4_required", cfg.SigV4 != nil)
	if !cfg.VerifiesSignatures() {
		logger.Warn("token signatures are not verified for every cluster; set tokenKeys to verify them")
	}
	return &http.Server{
		Handler:           emu.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}, nil
}

// serveOn serves srv on ln until ctx is done, then shuts it down,
// letting in-flight requests finish.
func serveOn(ctx context.Context, srv *http.Server, ln net.Listener, logger *slog.Logger) error {
	logger.Info("listening", "addr", ln.Addr().String())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}
