package webhook

import (
	"context"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
)

// A CallFlowHandler runs its CallFlowFunc on a goroutine of its own, so
// that when the function outlives the timeout the handler can still answer
// with the fallback in time. Starting a goroutine per request and growing
// its stack from the smallest size inside the function cost more than a
// microsecond per request, so the functions run on long-lived workers
// instead: a worker that has finished waits, with the stack it has grown,
// for the next job. A request finding no worker idle starts a new one, so a slow or stuck
// function never delays another request; workers beyond maxIdleWorkers
// end once their job is done.

// job is one run of a CallFlowFunc. The handler owns it until it hands it
// to a worker, and again once it has received from done; a job the handler
// stopped waiting for (its context ended first) is the worker's, which
// drops it after the run.
type job struct {
	h    *CallFlowHandler
	ctx  context.Context
	req  *CallFlowRequest
	res  result
	done chan struct{} // buffered: the worker's send never blocks
}

// jobs hands a job to an idle worker. It is unbuffered: a send succeeds
// only when a worker is waiting for it.
var jobs = make(chan *job)

// idleWorkers counts the workers waiting on jobs, or about to.
var idleWorkers atomic.Int32

// workersStarted counts the workers ever started, for tests.
var workersStarted atomic.Int64

// maxIdleWorkers bounds the workers kept waiting between requests.
var maxIdleWorkers = int32(max(16, 4*runtime.GOMAXPROCS(0)))

// workerStackReserve is how far a new worker grows its stack before its
// first job (in one step, instead of doubling several times inside the
// CallFlowFunc): with it, building the 34-element IVR document of the
// bench module grows no worker's stack (no runtime.copystack in the
// profile of its serving benchmark).
const workerStackReserve = 8 << 10

var jobPool = sync.Pool{New: func() any { return &job{done: make(chan struct{}, 1)} }}

// newJob returns an unused job for h.
func newJob(h *CallFlowHandler, ctx context.Context, req *CallFlowRequest) *job {
	j := jobPool.Get().(*job)
	j.h, j.ctx, j.req = h, ctx, req
	return j
}

// release returns a job whose result the handler has received.
func (j *job) release() {
	*j = job{done: j.done}
	jobPool.Put(j)
}

// dispatch starts j on an idle worker, or on a new one when none is idle.
func dispatch(j *job) {
	select {
	case jobs <- j:
	default:
		workersStarted.Add(1)
		go work(j)
	}
}

// work runs j, then the jobs handed to it while it stays within the idle
// bound.
func work(j *job) {
	reserveStack()
	for {
		j.run()
		if idleWorkers.Add(1) > maxIdleWorkers {
			idleWorkers.Add(-1)
			return
		}
		j = <-jobs
		idleWorkers.Add(-1)
	}
}

// run calls the function with the profiler labels of the job's context,
// as a goroutine started for the request would carry them, and reports
// the result. After the send on done the job is no longer the worker's.
func (j *job) run() {
	pprof.SetGoroutineLabels(j.ctx)
	j.res = j.h.run(j.ctx, j.req)
	pprof.SetGoroutineLabels(context.Background())
	j.done <- struct{}{}
}

// reserveStack grows the calling goroutine's stack by about
// workerStackReserve bytes.
//
//go:noinline
func reserveStack() {
	var pad [workerStackReserve]byte
	touch(pad[:])
}

//go:noinline
func touch(b []byte) { b[len(b)-1] = 1 }
