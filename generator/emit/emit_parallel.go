package emit

import (
	"runtime"
	"sync"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// emitterOutput is what one emitter returned.
type emitterOutput struct {
	files []File
	err   error
	errs  ir.ErrorList // the model errors it found
}

// runEmitters runs every emitter of the emitters list, up to GOMAXPROCS at
// a time, the heavy ones first (rendering and gofmt-ing the files is most
// of the generator's work), and returns their files in the list's order.
// Each emitter gets its own copy of g with an empty error list, so that
// emitters share only what newGen computed, which none of them changes;
// the model errors they find are added to g.errs afterwards (Err sorts
// them). When emitters fail, the error of the first in the list is
// returned, so the outcome does not depend on scheduling (see
// emitterError).
func runEmitters(g *gen) ([]File, error) {
	outs := make([]emitterOutput, len(emitters))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(emitters)) {
		wg.Go(func() {
			for i := range next {
				c := *g
				c.errs = nil
				files, err := emitters[i].run(&c)
				outs[i] = emitterOutput{files: files, err: err, errs: c.errs}
			}
		})
	}
	for _, i := range startOrder() {
		next <- i
	}
	close(next)
	wg.Wait()
	var files []File
	for _, o := range outs {
		g.errs = append(g.errs, o.errs...)
		if o.err != nil {
			return nil, emitterError(o, g.errs)
		}
		files = append(files, o.files...)
	}
	return files, nil
}

// startOrder returns the indexes of emitters in the order they are
// started: the heavy ones first, each group in list order.
func startOrder() []int {
	order := make([]int, 0, len(emitters))
	for _, heavy := range []bool{true, false} {
		for i, e := range emitters {
			if e.heavy == heavy {
				order = append(order, i)
			}
		}
	}
	return order
}

// emitterError returns the error a failed emitter would have returned had
// the emitters run one after the other on the same gen: an emitter that
// returns its model errors (errs.Err()) would then have returned those of
// the emitters before it too; sofar holds all of them.
func emitterError(o emitterOutput, sofar ir.ErrorList) error {
	if len(o.errs) > 0 && o.err.Error() == o.errs.Err().Error() {
		return sofar.Err()
	}
	return o.err
}
