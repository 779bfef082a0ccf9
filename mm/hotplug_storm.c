// SPDX-License-Identifier: GPL-2.0
/*
 * The hotplug storm test driver: kernel threads that hammer every memory
 * hotplug file in sysfs and debugfs at once, for a set time, while the
 * host plugs and unplugs DIMMs, and a check of mm's counters afterwards.
 *
 * DOC: hotplug storm
 *
 * Writing a number of seconds to /sys/kernel/debug/hotplug_storm/run
 * starts these threads and returns at once (-EBUSY while a storm runs;
 * writing 0 ends a storm early, for a host that keeps its own time when
 * the guest's clock runs slow under a loaded TCG):
 *
 * - two readers walk /sys/devices/system/memory and
 *   /sys/devices/system/node afresh each round and read every readable
 *   file in them and in their subdirectories (links are not followed);
 * - two writers write online, online_kernel, online_movable or offline to
 *   the state file of a random hot-added block;
 * - one writer writes 0 or 1 to a random hot-added block's online file;
 * - one writer sets auto_online_blocks at random and, only while it is
 *   "offline", writes one of STORM_PROBE_BLOCKS block addresses at
 *   STORM_PROBE_BASE to probe: QEMU has no RAM there, so a probed block
 *   must never be onlined, and the state writers leave it alone;
 * - one writer makes the memory notifier error injector fail
 *   MEM_GOING_ONLINE or MEM_GOING_OFFLINE with -ENOMEM for a few
 *   milliseconds at a time.
 *
 * Every errno is counted per kind of operation; one Linux does not give
 * for that file (see storm_kinds[]) is an unexpected error, logged with
 * pr_err() as it happens. Reading status prints "running" or "done", the
 * counts, and what each thread is doing and for how long, which names the
 * file a thread is stuck in when the storm deadlocks. At the end the
 * threads put the injector back to 0 and auto_online_blocks to offline.
 *
 * Writing a file name to skip (e.g. "valid_zones") makes the readers
 * leave files of that name alone from the next storm on; an empty write
 * clears it. It tells which file a deadlock needs.
 *
 * Reading check walks the zones and the memory blocks under
 * get_online_mems() and prints every counter that disagrees with the
 * blocks (see storm_check_show()), then "<n> mismatches".
 *
 * Boot memory is never written to: with the host removing DIMMs, a storm
 * that offlined boot blocks could leave the guest without memory, which
 * would be a failure of the test, not of the kernel.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/time.h>

#define STORM_MEMDIR		"/sys/devices/system/memory"
#define STORM_NODEDIR		"/sys/devices/system/node"
#define STORM_INJECT		"/sys/kernel/debug/notifier-error-inject/memory/actions"
/* Probed blocks: inside QEMU's DIMM area, far above where it puts DIMMs. */
#define STORM_PROBE_BASE	(32ULL << 30)
#define STORM_PROBE_BLOCKS	2
/* Memory block ids the check looks at: the first 128 GiB. */
#define STORM_MAX_BLOCK_ID	1024
#define STORM_MAX_SECONDS	600
#define STORM_MAX_NAMES		128
#define STORM_NAME_LEN		32
#define STORM_PATH_LEN		160
#define STORM_MAX_ERRNO		64

enum storm_kind {
	STORM_READ,
	STORM_STATE,
	STORM_ONLINE,
	STORM_PROBE,
	STORM_AUTO,
	STORM_INJECT_OP,
	NR_STORM_KINDS,
};

#define ERRBIT(e)	(1ULL << (e))

/* What a kind is called in status, and the errnos Linux gives for it. */
static const struct {
	const char *name;
	u64 expected;
} storm_kinds[NR_STORM_KINDS] = {
	/* the file or its block went away before the open or the read */
	[STORM_READ] = { "read", ERRBIT(ENOENT) | ERRBIT(ENODEV) },
	/*
	 * Already in that state, pages that cannot move, a vetoed notifier;
	 * a block going away: its directory (ENOENT), its file (EACCES, as a
	 * shell's O_CREAT open gets on Linux, whose device_del() removes the
	 * attributes before the directory), or the open file (ENODEV).
	 */
	[STORM_STATE] = { "state", ERRBIT(EINVAL) | ERRBIT(EBUSY) |
			  ERRBIT(ENOMEM) | ERRBIT(ENODEV) | ERRBIT(ENOENT) |
			  ERRBIT(EACCES) | ERRBIT(EINTR) | ERRBIT(EAGAIN) },
	[STORM_ONLINE] = { "online", ERRBIT(EINVAL) | ERRBIT(EBUSY) |
			   ERRBIT(ENOMEM) | ERRBIT(ENODEV) | ERRBIT(ENOENT) |
			   ERRBIT(EACCES) | ERRBIT(EINTR) | ERRBIT(EAGAIN) },
	/* probing a block twice */
	[STORM_PROBE] = { "probe", ERRBIT(EEXIST) | ERRBIT(ENOMEM) },
	[STORM_AUTO] = { "auto_online", 0 },
	[STORM_INJECT_OP] = { "inject", 0 },
};

struct storm_stats {
	atomic_long_t ops;
	atomic_long_t ok;
	atomic_long_t unexpected;
	atomic_long_t err[STORM_MAX_ERRNO + 1];	/* the last: larger errnos */
};

/* A directory listing, copied out of kernfs_iterate()'s callback. */
struct storm_names {
	unsigned int nr;
	bool truncated;
	unsigned char type[STORM_MAX_NAMES];
	char name[STORM_MAX_NAMES][STORM_NAME_LEN];
};

struct storm_thread {
	struct task_struct *task;
	enum storm_kind kind;
	int idx;
	u64 rng;
	bool exited;
	/* lock protects doing and since, which status reads */
	spinlock_t lock;
	char doing[STORM_PATH_LEN + 32];
	unsigned long since;
	/* the thread's own buffers */
	char *buf;
	struct storm_names *names[2];
	char path[2][STORM_PATH_LEN];
};

static const struct {
	enum storm_kind kind;
	const char *name;
} storm_layout[] = {
	{ STORM_READ, "storm-read0" },
	{ STORM_READ, "storm-read1" },
	{ STORM_STATE, "storm-state0" },
	{ STORM_STATE, "storm-state1" },
	{ STORM_ONLINE, "storm-online" },
	{ STORM_PROBE, "storm-probe" },
	{ STORM_INJECT_OP, "storm-inject" },
};

#define STORM_THREADS	ARRAY_SIZE(storm_layout)

/*
 * run_lock serialises starting a storm; the threads and status read the
 * fields below it with atomics (stats, running) or under a thread's lock.
 */
static DEFINE_MUTEX(storm_run_lock);
static struct {
	bool started;
	char skip[STORM_NAME_LEN];		/* set only while none run */
	unsigned int seconds;
	unsigned long start, deadline, end;
	atomic_t running;			/* threads not yet finished */
	unsigned long hot_first;		/* first hot-added block id */
	struct storm_stats stats[NR_STORM_KINDS];
	struct storm_thread threads[STORM_THREADS];
} storm;

/* xorshift64*: each thread its own sequence, no locks. */
static u32 storm_rand(struct storm_thread *t, u32 below)
{
	u64 x = t->rng;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	t->rng = x;
	return below ? (u32)((x * 0x2545f4914f6cdd1dULL) >> 32) % below : 0;
}

static bool storm_over(void)
{
	return kthread_should_stop() ||
	       time_after(jiffies, READ_ONCE(storm.deadline));
}

static void storm_doing(struct storm_thread *t, const char *what,
			const char *path)
{
	spin_lock(&t->lock);
	if (what)
		snprintf(t->doing, sizeof(t->doing), "%s %s", what, path);
	else
		t->doing[0] = '\0';
	t->since = jiffies;
	spin_unlock(&t->lock);
}

static const char *const storm_errno_names[STORM_MAX_ERRNO] = {
	[EPERM] = "EPERM", [ENOENT] = "ENOENT", [EINTR] = "EINTR",
	[EIO] = "EIO", [EBADF] = "EBADF", [EAGAIN] = "EAGAIN",
	[ENOMEM] = "ENOMEM", [EACCES] = "EACCES", [EBUSY] = "EBUSY",
	[EEXIST] = "EEXIST", [ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR",
	[EISDIR] = "EISDIR", [EINVAL] = "EINVAL", [ERANGE] = "ERANGE",
};

static int storm_errno_name(char *buf, int at, int err)
{
	if (err < STORM_MAX_ERRNO && storm_errno_names[err])
		return sysfs_emit_at(buf, at, " %s", storm_errno_names[err]);
	return sysfs_emit_at(buf, at, " E%d", err);
}

/*
 * Counts the outcome @ret (>= 0 or -errno) of an operation of @t's kind
 * on @path; an errno its kind does not expect, or @bad_text, is logged.
 */
static void storm_count(struct storm_thread *t, enum storm_kind kind,
			long ret, const char *what, const char *path,
			bool bad_text)
{
	struct storm_stats *st = &storm.stats[kind];
	int err = ret < 0 ? -ret : 0;

	atomic_long_inc(&st->ops);
	if (!err && !bad_text) {
		atomic_long_inc(&st->ok);
		return;
	}
	if (err)
		atomic_long_inc(&st->err[min(err, STORM_MAX_ERRNO)]);
	if (bad_text || err >= STORM_MAX_ERRNO ||
	    !(storm_kinds[kind].expected & ERRBIT(err))) {
		atomic_long_inc(&st->unexpected);
		pr_err("hotplug_storm: %s: unexpected %s%d: %s %s\n",
		       t->task ? t->task->comm : "?",
		       bad_text ? "text, errno " : "errno -", err, what, path);
	}
}

static int storm_fill(void *ctx, const char *name, unsigned int type)
{
	struct storm_names *n = ctx;

	if (n->nr == STORM_MAX_NAMES) {
		n->truncated = true;
		return 1;
	}
	strscpy(n->name[n->nr], name, STORM_NAME_LEN);
	n->type[n->nr++] = type;
	return 0;
}

/* Lists @path into @n; a directory that vanished lists as empty. */
static int storm_list(struct storm_thread *t, const char *path,
		      struct storm_names *n)
{
	int ret;

	n->nr = 0;
	n->truncated = false;
	storm_doing(t, "readdir", path);
	ret = vfs_readdir_path(path, storm_fill, n);
	if (ret == 1)
		ret = 0;
	storm_count(t, STORM_READ, ret, "readdir", path, false);
	return ret;
}

/*
 * Whether @text is what file @name at @path may read. Only memory
 * blocks' state and online have a fixed set of values (node/online is a
 * list of nodes).
 */
static bool storm_text_ok(const char *path, const char *name,
			  const char *text, ssize_t len)
{
	/* A device that adds no uevent variables has an empty uevent. */
	if (!strcmp(name, "uevent"))
		return len == 0 || (len > 0 && text[len - 1] == '\n');
	if (len <= 0 || text[len - 1] != '\n')
		return false;
	if (strncmp(path, STORM_MEMDIR "/", strlen(STORM_MEMDIR) + 1))
		return true;
	if (!strcmp(name, "state"))
		return !strcmp(text, "online\n") || !strcmp(text, "offline\n");
	if (!strcmp(name, "online"))
		return !strcmp(text, "0\n") || !strcmp(text, "1\n");
	return true;
}

static void storm_read_file(struct storm_thread *t, const char *path,
			    const char *name)
{
	struct vfs_stat st;
	struct vfs_file *f;
	ssize_t ret;

	if (!strcmp(name, storm.skip))
		return;
	ret = vfs_stat_path(path, false, &st);
	if (!ret && !(st.mode & 0444))
		return;			/* probe: write-only */
	storm_doing(t, "read", path);
	if (!ret)
		ret = vfs_open(path, O_RDONLY, &f);
	if (ret) {
		storm_count(t, STORM_READ, ret, "open", path, false);
		return;
	}
	ret = vfs_read(f, t->buf, PAGE_SIZE - 1);
	vfs_close(f);
	/* Linux's answer, and Tide's, for a device without autosuspend. */
	if (ret == -EIO && !strcmp(name, "autosuspend_delay_ms")) {
		storm_count(t, STORM_READ, 0, "read", path, false);
		return;
	}
	if (ret >= 0)
		t->buf[ret] = '\0';
	storm_count(t, STORM_READ, ret, "read", path,
		    ret >= 0 && !storm_text_ok(path, name, t->buf, ret));
}

/* Reads every file under @top and its subdirectories, one level down. */
static void storm_read_tree(struct storm_thread *t, const char *top)
{
	struct storm_names *dir = t->names[0], *sub = t->names[1];
	unsigned int i, j;

	if (storm_list(t, top, dir))
		return;
	for (i = 0; i < dir->nr && !storm_over(); i++) {
		snprintf(t->path[0], STORM_PATH_LEN, "%s/%s", top, dir->name[i]);
		if (dir->type[i] == VFS_DT_REG) {
			storm_read_file(t, t->path[0], dir->name[i]);
			continue;
		}
		if (dir->type[i] != VFS_DT_DIR || storm_list(t, t->path[0], sub))
			continue;
		for (j = 0; j < sub->nr; j++) {
			if (sub->type[j] != VFS_DT_REG)
				continue;
			snprintf(t->path[1], STORM_PATH_LEN, "%s/%s",
				 t->path[0], sub->name[j]);
			storm_read_file(t, t->path[1], sub->name[j]);
		}
		cond_resched();
	}
}

static int storm_reader(struct storm_thread *t)
{
	while (!storm_over()) {
		storm_read_tree(t, STORM_MEMDIR);
		storm_read_tree(t, STORM_NODEDIR);
		storm_doing(t, NULL, NULL);
		msleep(1 + storm_rand(t, 4));
	}
	return 0;
}

static long storm_write(struct storm_thread *t, enum storm_kind kind,
			const char *path, const char *word)
{
	long ret;

	storm_doing(t, word, path);
	ret = vfs_write_path(path, word, strlen(word));
	storm_count(t, kind, ret < 0 ? ret : 0, word, path, false);
	storm_doing(t, NULL, NULL);
	return ret;
}

/* A random hot-added, non-probed block that is listed now, or -1. */
static long storm_pick_block(struct storm_thread *t)
{
	unsigned long probe_first = STORM_PROBE_BASE / memory_block_size_bytes();
	unsigned long ids[STORM_MAX_NAMES], id;
	struct storm_names *n = t->names[0];
	unsigned int i, nr = 0;

	if (storm_list(t, STORM_MEMDIR, n))
		return -1;
	for (i = 0; i < n->nr; i++) {
		if (strncmp(n->name[i], "memory", 6) ||
		    kstrtoul(n->name[i] + 6, 10, &id))
			continue;
		if (id >= storm.hot_first && id < probe_first)
			ids[nr++] = id;
	}
	return nr ? (long)ids[storm_rand(t, nr)] : -1;
}

static int storm_block_writer(struct storm_thread *t)
{
	static const char *const states[] = {
		"online", "online_kernel", "online_movable", "offline", "offline",
	};
	const char *word;
	long id;

	while (!storm_over()) {
		id = storm_pick_block(t);
		if (id >= 0) {
			if (t->kind == STORM_STATE) {
				snprintf(t->path[0], STORM_PATH_LEN,
					 STORM_MEMDIR "/memory%ld/state", id);
				word = states[storm_rand(t, ARRAY_SIZE(states))];
			} else {
				snprintf(t->path[0], STORM_PATH_LEN,
					 STORM_MEMDIR "/memory%ld/online", id);
				word = storm_rand(t, 2) ? "1" : "0";
			}
			storm_write(t, t->kind, t->path[0], word);
		}
		msleep(1 + storm_rand(t, 8));
	}
	return 0;
}

/*
 * auto_online_blocks at random, and probes only while it reads offline:
 * this thread is its one writer, so no probed block is ever onlined.
 */
static int storm_probe_writer(struct storm_thread *t)
{
	static const char *const policies[] = {
		"offline", "online", "online_kernel", "online_movable",
	};
	const char *auto_path = STORM_MEMDIR "/auto_online_blocks";
	const char *policy = "offline";
	char addr[24];

	storm_write(t, STORM_AUTO, auto_path, policy);
	while (!storm_over()) {
		if (storm_rand(t, 3)) {
			policy = policies[storm_rand(t, ARRAY_SIZE(policies))];
			storm_write(t, STORM_AUTO, auto_path, policy);
		} else if (!strcmp(policy, "offline")) {
			snprintf(addr, sizeof(addr), "%#llx", STORM_PROBE_BASE +
				 storm_rand(t, STORM_PROBE_BLOCKS) *
				 (u64)memory_block_size_bytes());
			storm_write(t, STORM_PROBE, STORM_MEMDIR "/probe", addr);
		}
		msleep(2 + storm_rand(t, 20));
	}
	storm_write(t, STORM_AUTO, auto_path, "offline");
	return 0;
}

static int storm_injector(struct storm_thread *t)
{
	static const char *const actions[] = {
		STORM_INJECT "/MEM_GOING_ONLINE/error",
		STORM_INJECT "/MEM_GOING_OFFLINE/error",
	};
	const char *path;

	while (!storm_over()) {
		path = actions[storm_rand(t, ARRAY_SIZE(actions))];
		storm_write(t, STORM_INJECT_OP, path, "-12");
		msleep(5 + storm_rand(t, 25));
		storm_write(t, STORM_INJECT_OP, path, "0");
		msleep(20 + storm_rand(t, 80));
	}
	storm_write(t, STORM_INJECT_OP, actions[0], "0");
	storm_write(t, STORM_INJECT_OP, actions[1], "0");
	return 0;
}

static int storm_thread_fn(void *data)
{
	struct storm_thread *t = data;
	int ret;

	switch (t->kind) {
	case STORM_READ:
		ret = storm_reader(t);
		break;
	case STORM_STATE:
	case STORM_ONLINE:
		ret = storm_block_writer(t);
		break;
	case STORM_PROBE:
		ret = storm_probe_writer(t);
		break;
	default:
		ret = storm_injector(t);
		break;
	}
	storm_doing(t, NULL, NULL);
	WRITE_ONCE(t->exited, true);
	if (atomic_dec_and_test(&storm.running)) {
		WRITE_ONCE(storm.end, jiffies);
		pr_info("hotplug_storm: done after %u ms\n",
			jiffies_to_msecs(storm.end - storm.start));
	}
	return ret;
}

static void storm_free_thread(struct storm_thread *t)
{
	kfree(t->buf);
	kfree(t->names[0]);
	kfree(t->names[1]);
	t->buf = NULL;
	t->names[0] = NULL;
	t->names[1] = NULL;
	t->task = NULL;
}

/* Reaps the threads of the last storm, which have all exited. */
static void storm_reap(void)
{
	unsigned int i;

	for (i = 0; i < STORM_THREADS; i++) {
		if (storm.threads[i].task)
			kthread_stop(storm.threads[i].task);
		storm_free_thread(&storm.threads[i]);
	}
}

static int storm_create(struct storm_thread *t, unsigned int i)
{
	t->kind = storm_layout[i].kind;
	t->idx = i;
	t->rng = ktime_get_ns() ^ (0x9e3779b97f4a7c15ULL * (i + 1));
	t->exited = false;
	storm_doing(t, NULL, NULL);
	t->buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	t->names[0] = kzalloc(sizeof(*t->names[0]), GFP_KERNEL);
	t->names[1] = kzalloc(sizeof(*t->names[1]), GFP_KERNEL);
	if (!t->buf || !t->names[0] || !t->names[1])
		return -ENOMEM;
	t->task = kthread_create(storm_thread_fn, t, "%s", storm_layout[i].name);
	if (IS_ERR(t->task)) {
		int err = PTR_ERR(t->task);

		t->task = NULL;
		return err;
	}
	return 0;
}

/**
 * hotplug_storm_start - start a storm of @seconds
 *
 * Return: 0 once every thread runs; -EINVAL for 0 or more than
 * STORM_MAX_SECONDS; -EBUSY while a storm runs; -ENOMEM (nothing runs).
 */
static int hotplug_storm_start(unsigned int seconds)
{
	unsigned int i;
	int ret = 0;

	if (!seconds || seconds > STORM_MAX_SECONDS)
		return -EINVAL;
	mutex_lock(&storm_run_lock);
	if (atomic_read(&storm.running)) {
		ret = -EBUSY;
		goto unlock;
	}
	storm_reap();
	memset(storm.stats, 0, sizeof(storm.stats));
	for (i = 0; i < STORM_THREADS; i++) {
		ret = storm_create(&storm.threads[i], i);
		if (ret)
			goto reap;
	}
	storm.seconds = seconds;
	storm.start = jiffies;
	WRITE_ONCE(storm.deadline, storm.start + seconds * HZ);
	atomic_set(&storm.running, STORM_THREADS);
	WRITE_ONCE(storm.started, true);
	pr_info("hotplug_storm: %u threads for %u s\n",
		(unsigned int)STORM_THREADS, seconds);
	for (i = 0; i < STORM_THREADS; i++)
		wake_up_process(storm.threads[i].task);
	goto unlock;

reap:
	storm_reap();		/* never woken: kthread_stop() keeps them idle */
unlock:
	mutex_unlock(&storm_run_lock);
	return ret;
}

/**
 * hotplug_storm_stop - end a running storm now
 *
 * The threads finish the operation they are in and exit; status reads
 * "done" once they all have. Nothing happens when no storm runs.
 */
static void hotplug_storm_stop(void)
{
	WRITE_ONCE(storm.deadline, jiffies - 1);
}

static ssize_t storm_run_store(void *data, const char *buf, size_t len)
{
	unsigned long seconds;
	int ret = kstrtoul(buf, 0, &seconds);

	if (!ret && !seconds)
		hotplug_storm_stop();
	else if (!ret)
		ret = seconds > STORM_MAX_SECONDS ? -EINVAL :
		      hotplug_storm_start(seconds);
	return ret ? ret : len;
}

static ssize_t storm_run_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%u\n", READ_ONCE(storm.seconds));
}

static ssize_t storm_skip_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%s\n", storm.skip);
}

/* -EBUSY while a storm runs: the readers read storm.skip unlocked. */
static ssize_t storm_skip_store(void *data, const char *buf, size_t len)
{
	int ret = 0;

	mutex_lock(&storm_run_lock);
	if (atomic_read(&storm.running))
		ret = -EBUSY;
	else
		strscpy(storm.skip, buf, min(len + 1, sizeof(storm.skip)));
	if (!ret && strchr(storm.skip, '\n'))
		*strchr(storm.skip, '\n') = '\0';
	mutex_unlock(&storm_run_lock);
	return ret ? ret : len;
}

static int storm_show_stats(char *buf, int len)
{
	unsigned long total = 0;
	int k, e;

	for (k = 0; k < NR_STORM_KINDS; k++)
		total += atomic_long_read(&storm.stats[k].unexpected);
	len += sysfs_emit_at(buf, len, "unexpected: %lu\n", total);
	for (k = 0; k < NR_STORM_KINDS; k++) {
		struct storm_stats *st = &storm.stats[k];

		len += sysfs_emit_at(buf, len, "%-12s ops %lu ok %lu unexpected %lu errors",
				     storm_kinds[k].name, atomic_long_read(&st->ops),
				     atomic_long_read(&st->ok),
				     atomic_long_read(&st->unexpected));
		for (e = 1; e <= STORM_MAX_ERRNO; e++) {
			unsigned long n = atomic_long_read(&st->err[e]);

			if (!n)
				continue;
			len += storm_errno_name(buf, len, e);
			len += sysfs_emit_at(buf, len, ":%lu", n);
		}
		len += sysfs_emit_at(buf, len, "\n");
	}
	return len;
}

static ssize_t storm_status_show(void *data, char *buf)
{
	unsigned int running = atomic_read(&storm.running);
	unsigned long now = jiffies, end;
	int len, i;

	if (!READ_ONCE(storm.started))
		return sysfs_emit(buf, "idle\n");
	end = running ? now : READ_ONCE(storm.end);
	len = sysfs_emit(buf, "%s\nseconds: %u\nelapsed_ms: %u\nskip: %s\n",
			 running ? "running" : "done", storm.seconds,
			 jiffies_to_msecs(end - storm.start), storm.skip);
	len = storm_show_stats(buf, len);
	for (i = 0; i < STORM_THREADS; i++) {
		struct storm_thread *t = &storm.threads[i];

		spin_lock(&t->lock);
		if (READ_ONCE(t->exited))
			len += sysfs_emit_at(buf, len, "%s: exited\n",
					     storm_layout[i].name);
		else
			len += sysfs_emit_at(buf, len, "%s: %u ms in %s\n",
					     storm_layout[i].name,
					     jiffies_to_msecs(now - t->since),
					     t->doing[0] ? t->doing : "sleep");
		spin_unlock(&t->lock);
	}
	return len;
}

struct storm_zone_count {
	unsigned long hot[MAX_NUMNODES][MAX_NR_ZONES];
};

/* Hotplug lock held for reading. One block's state against its zone. */
static int storm_check_block(struct memory_block *mem,
			     struct storm_zone_count *c, char *buf, int *len)
{
	unsigned long pfn = section_nr_to_pfn(mem->start_section_nr);
	struct zone *zone = mem->zone;
	int bad = 0;

	if (mem->state == MEM_OFFLINE) {
		if (zone) {
			*len += sysfs_emit_at(buf, *len, "memory%lu: offline in zone %s\n",
					      mem->start_section_nr, zone->name);
			bad++;
		}
		return bad;
	}
	if (mem->state != MEM_ONLINE || !zone) {
		*len += sysfs_emit_at(buf, *len, "memory%lu: state %lu, zone %s\n",
				      mem->start_section_nr, mem->state,
				      zone ? zone->name : "none");
		return 1;
	}
	if (!zone_spans_pfn(zone, pfn) ||
	    zone->zone_pgdat->node_id != mem->nid) {
		*len += sysfs_emit_at(buf, *len,
				      "memory%lu (node %d): online in %s of node %d, span %#lx-%#lx\n",
				      mem->start_section_nr, mem->nid, zone->name,
				      zone->zone_pgdat->node_id, zone->zone_start_pfn,
				      zone_end_pfn(zone));
		bad++;
	}
	c->hot[zone->zone_pgdat->node_id][zone_idx(zone)] += PAGES_PER_SECTION;
	return bad;
}

/* Hotplug lock held for reading. One zone's counters against the blocks. */
static int storm_check_zone(struct zone *zone, unsigned long hot, char *buf,
			    int *len)
{
	unsigned long present = zone->present_pages;
	unsigned long early = zone->present_early_pages;
	unsigned long managed = READ_ONCE(zone->managed_pages);
	unsigned long free = zone_page_state(zone, NR_FREE_PAGES);
	int nid = zone->zone_pgdat->node_id, bad = 0;

	if (present != early + hot) {
		*len += sysfs_emit_at(buf, *len,
				      "node %d %s: present %lu != boot %lu + online hot-added %lu\n",
				      nid, zone->name, present, early, hot);
		bad++;
	}
	if (managed > present) {
		*len += sysfs_emit_at(buf, *len, "node %d %s: managed %lu > present %lu\n",
				      nid, zone->name, managed, present);
		bad++;
	}
	if (free > managed) {
		*len += sysfs_emit_at(buf, *len, "node %d %s: free %lu > managed %lu\n",
				      nid, zone->name, free, managed);
		bad++;
	}
	return bad;
}

/*
 * Under get_online_mems(): every hot-added online block is in a zone of
 * its node that spans it, and no offline one has a zone; each zone's
 * present pages are its boot pages plus those of its online hot-added
 * blocks (counted from the blocks, not from mm's own arithmetic); managed
 * <= present; free <= managed.
 */
static ssize_t storm_check_show(void *data, char *buf)
{
	struct storm_zone_count *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int len = 0, bad = 0, nid, z;
	unsigned long id;

	if (!c)
		return -ENOMEM;
	get_online_mems();
	for (id = storm.hot_first; id < STORM_MAX_BLOCK_ID; id++) {
		struct memory_block *mem = find_memory_block_by_id(id);

		if (!mem)
			continue;
		if (len < PAGE_SIZE - 256)
			bad += storm_check_block(mem, c, buf, &len);
		put_device(&mem->dev);
	}
	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);

		for (z = 0; z < MAX_NR_ZONES; z++)
			if (len < PAGE_SIZE - 256)
				bad += storm_check_zone(&pgdat->node_zones[z],
							c->hot[nid][z], buf, &len);
	}
	put_online_mems();
	kfree(c);
	return len + sysfs_emit_at(buf, len, "%d mismatches\n", bad);
}

static const struct debugfs_file_ops storm_run_ops = {
	.show = storm_run_show,
	.store = storm_run_store,
};

static const struct debugfs_file_ops storm_skip_ops = {
	.show = storm_skip_show,
	.store = storm_skip_store,
};

static const struct debugfs_file_ops storm_status_ops = {
	.show = storm_status_show,
};

static const struct debugfs_file_ops storm_check_ops = {
	.show = storm_check_show,
};

/* The first block id past boot memory: the end of the highest zone now. */
static unsigned long storm_boot_end_block(void)
{
	unsigned long end = 0;
	int nid, z;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);

		for (z = 0; z < MAX_NR_ZONES; z++)
			if (pgdat->node_zones[z].spanned_pages)
				end = max(end, zone_end_pfn(&pgdat->node_zones[z]));
	}
	return DIV_ROUND_UP(end, PAGES_PER_SECTION);
}

static int __init hotplug_storm_init(void)
{
	struct dentry *dir = debugfs_create_dir("hotplug_storm", NULL);
	unsigned int i;

	if (IS_ERR(dir)) {
		pr_warn("hotplug_storm: no debugfs directory: %ld\n",
			PTR_ERR(dir));
		return PTR_ERR(dir);
	}

	storm.hot_first = storm_boot_end_block();
	/* Once: status may take them while a new storm starts. */
	for (i = 0; i < STORM_THREADS; i++)
		spin_lock_init(&storm.threads[i].lock);
	debugfs_create_file("run", 0644, dir, NULL, &storm_run_ops);
	debugfs_create_file("skip", 0644, dir, NULL, &storm_skip_ops);
	debugfs_create_file("status", 0444, dir, NULL, &storm_status_ops);
	debugfs_create_file("check", 0444, dir, NULL, &storm_check_ops);
	return 0;
}
late_initcall(hotplug_storm_init);
