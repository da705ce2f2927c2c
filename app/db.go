package app

import (
	dbm "github.com/cosmos/cosmos-db"
	"github.com/syndtr/goleveldb/leveldb/filter"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// goleveldb settings of the application database. goleveldb's defaults (an
// 8 MiB block cache, 4 MiB memtables, 2 MiB tables) suit a small embedded
// store; under claim load they kept the node re-reading table index blocks
// from disk for most state reads and compacting much of the time. These
// settings change how a node stores its state, never what it stores: the
// app hash does not depend on them.
const (
	appDBBlockCache     = 256 * opt.MiB
	appDBWriteBuffer    = 64 * opt.MiB
	appDBTableSize      = 8 * opt.MiB
	appDBLevel1Size     = 128 * opt.MiB
	appDBOpenFilesCache = 1024
)

// OpenDB opens the application database in dir: goleveldb with the settings
// above, any other backend as the SDK would. The node (claimchaind start) and
// the benchmarks open it this way.
func OpenDB(dir string, backend dbm.BackendType) (dbm.DB, error) {
	if backend != dbm.GoLevelDBBackend {
		return dbm.NewDB("application", backend, dir)
	}
	return dbm.NewGoLevelDBWithOpts("application", dir, &opt.Options{
		Filter:                 filter.NewBloomFilter(10),
		BlockCacheCapacity:     appDBBlockCache,
		WriteBuffer:            appDBWriteBuffer,
		CompactionTableSize:    appDBTableSize,
		CompactionTotalSize:    appDBLevel1Size,
		OpenFilesCacheCapacity: appDBOpenFilesCache,
	})
}
