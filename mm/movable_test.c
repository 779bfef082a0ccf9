// SPDX-License-Identifier: GPL-2.0
/*
 * The movable page test driver: fills movable pages with checksummed
 * patterns through the owner interface, so that tests can prove that
 * migration (and offlining, which migrates) moves data without changing it.
 *
 * DOC: movable test driver
 *
 * movable_test_fill() allocates N pages with __GFP_MOVABLE, fills each with
 * a pattern derived from a seed and the page's index, records the
 * checksum of each and registers the driver as their owner (the index is
 * the owner's cookie in page->private). When a page migrates, the driver's
 * callback checks that its table names the old page and switches it to
 * the new one. movable_test_verify() recomputes every checksum;
 * movable_test_free() gives the pages back.
 *
 * The callback runs with the machine stopped and cannot take the driver's
 * mutex. Instead, fill, verify and free raise @busy around each stretch of
 * work on the table (at most MOVABLE_TEST_BATCH pages, then they may
 * reschedule) and the callback refuses with -EAGAIN while it is up, which
 * migrate_pages() retries. movable_test_set_refuse() makes the callback
 * refuse with -EBUSY, to test failing migrations and offlines.
 *
 * The same operations are files in /sys/kernel/debug/tide_movable/:
 * ``fill`` (write a page count to fill, optionally followed by the
 * preferred node; read: pages held), ``verify``
 * (read: "<pages> pages, <bad> bad"; a write fails with -EIO if any page
 * is bad), ``free`` (write anything), ``migrate`` (write anything: move
 * every page once; the write fails with the migration's errno),
 * ``refuse`` (0 or 1) and ``hold`` (1: take an extra reference on every
 * page, as a driver pinning it for a moment would; 0: drop it). A held
 * page is skipped by the offline scan and retried pass after pass, so an
 * offline of a block holding one keeps trying for about a second before
 * it fails with -EBUSY: long enough to interrupt it with a signal.
 */
#include <linux/kernel.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/migrate.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#define MOVABLE_TEST_BATCH	64
#define WORDS_PER_PAGE		(PAGE_SIZE / sizeof(u64))

struct movable_test {
	struct movable_owner owner;
	/* lock serialises fill, verify and free; it protects the fields below */
	struct mutex lock;
	struct page **pages;		/* vmalloc'ed, nr entries */
	u64 *sums;			/* checksum of each page's pattern */
	unsigned long nr;
	u64 seed;
	/* Read by the callback with the machine stopped; see DOC. */
	unsigned int busy;
	bool refuse;
	bool held;			/* an extra reference on every page */
	unsigned long moved;		/* callbacks that switched a page */
};

static int movable_test_migrate(struct movable_owner *owner, struct page *old,
				struct page *new);

static struct movable_test mt = {
	.owner = {
		.name = "movable_test",
		.migrate = movable_test_migrate,
	},
	.lock = __MUTEX_INITIALIZER(mt.lock),
};

static void set_busy(bool busy)
{
	smp_store_mb(mt.busy, busy);
}

static int movable_test_migrate(struct movable_owner *owner, struct page *old,
				struct page *new)
{
	struct movable_test *t = container_of(owner, struct movable_test, owner);
	unsigned long idx = old->private;

	/* As strong as a sequentially consistent load of @busy. */
	smp_mb();
	if (smp_load_acquire(&t->busy))
		return -EAGAIN;
	if (READ_ONCE(t->refuse))
		return -EBUSY;
	if (WARN_ON_ONCE(idx >= t->nr || t->pages[idx] != old))
		return -EBUSY;
	t->pages[idx] = new;
	t->moved++;
	return 0;
}

/* A well-mixed 64-bit value for (@seed, @n). */
static u64 pattern_word(u64 seed, u64 n)
{
	u64 x = seed + n * 0x9e3779b97f4a7c15ULL;

	x = (x ^ (x >> 31)) * 0xd6e8feb86659fd93ULL;
	x = (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9ULL;
	return x ^ (x >> 32);
}

static u64 page_checksum(const u64 *w)
{
	u64 h = 0x84222325cbf29ce4ULL;
	unsigned long i;

	for (i = 0; i < WORDS_PER_PAGE; i++) {
		h = (h << 7 | h >> 57) ^ w[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Takes (@hold) or drops the extra reference on every page. Lock held. */
static void hold_pages_locked(bool hold)
{
	unsigned long i;

	if (mt.held == hold)
		return;
	for (i = 0; i < mt.nr; i++) {
		if (hold)
			get_page(mt.pages[i]);
		else
			put_page(mt.pages[i]);
	}
	mt.held = hold && mt.nr;
}

static void free_table_locked(void)
{
	unsigned long i;

	hold_pages_locked(false);

	for (i = 0; i < mt.nr; i++) {
		if (!(i % MOVABLE_TEST_BATCH)) {
			set_busy(false);
			cond_resched();
			set_busy(true);
		}
		clear_page_movable_owner(mt.pages[i]);
		__free_page(mt.pages[i]);
	}
	set_busy(false);
	vfree(mt.pages);
	vfree(mt.sums);
	mt.pages = NULL;
	mt.sums = NULL;
	mt.nr = 0;
}

/**
 * movable_test_fill - allocate and fill @nr_pages movable test pages
 * @nid: preferred node (NUMA_NO_NODE: node 0)
 *
 * Return: 0; -EINVAL for 0 pages or more than the machine's RAM; -EBUSY if pages are already filled
 * (free them first); -ENOMEM if not all could be had (none are kept).
 */
int movable_test_fill(unsigned long nr_pages, int nid)
{
	unsigned long i;
	int ret = 0;

	if (!nr_pages || nr_pages > totalram_pages())
		return -EINVAL;
	if (nid < 0)
		nid = 0;
	mutex_lock(&mt.lock);
	if (mt.nr) {
		ret = -EBUSY;
		goto unlock;
	}
	mt.pages = vzalloc(array_size(nr_pages, sizeof(*mt.pages)));
	mt.sums = vzalloc(array_size(nr_pages, sizeof(*mt.sums)));
	if (!mt.pages || !mt.sums) {
		ret = -ENOMEM;
		goto free_tables;
	}
	mt.seed = pattern_word(mt.seed + 1, nr_pages);
	set_busy(true);
	for (i = 0; i < nr_pages; i++) {
		struct page *page;
		u64 *w;
		unsigned long j;

		if (i && !(i % MOVABLE_TEST_BATCH)) {
			set_busy(false);
			cond_resched();
			set_busy(true);
		}
		page = __alloc_pages(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN, 0, nid);
		if (!page) {
			ret = -ENOMEM;
			break;
		}
		w = movable_page_address(page);
		for (j = 0; j < WORDS_PER_PAGE; j++)
			w[j] = pattern_word(mt.seed, i * WORDS_PER_PAGE + j);
		mt.sums[i] = page_checksum(w);
		page->private = i;
		mt.pages[i] = page;
		mt.nr = i + 1;
		set_page_movable_owner(page, &mt.owner);
	}
	if (!ret) {
		set_busy(false);
		goto unlock;
	}
	free_table_locked();
	goto unlock;

free_tables:
	vfree(mt.pages);
	vfree(mt.sums);
	mt.pages = NULL;
	mt.sums = NULL;
unlock:
	mutex_unlock(&mt.lock);
	return ret;
}

/**
 * movable_test_verify - recompute the checksum of every test page
 * @nr_bad: if not NULL, set to the pages whose data changed or that the
 *	    driver no longer owns
 *
 * Return: 0 if all pages are intact (also when there are none), -EIO if not.
 */
int movable_test_verify(unsigned long *nr_bad)
{
	unsigned long i, bad = 0;

	mutex_lock(&mt.lock);
	set_busy(true);
	for (i = 0; i < mt.nr; i++) {
		struct page *page;

		if (i && !(i % MOVABLE_TEST_BATCH)) {
			set_busy(false);
			cond_resched();
			set_busy(true);
		}
		page = mt.pages[i];
		if (page_movable_owner(page) != &mt.owner || page->private != i ||
		    page_count(page) != 1 ||
		    page_checksum(movable_page_address(page)) != mt.sums[i])
			bad++;
	}
	set_busy(false);
	mutex_unlock(&mt.lock);
	if (bad)
		pr_err("movable_test: %lu of %lu pages corrupt\n", bad, i);
	if (nr_bad)
		*nr_bad = bad;
	return bad ? -EIO : 0;
}

/**
 * movable_test_free - free every test page
 */
void movable_test_free(void)
{
	mutex_lock(&mt.lock);
	set_busy(true);
	free_table_locked();
	mutex_unlock(&mt.lock);
}

/**
 * movable_test_nr_pages - test pages currently held
 * Return: the count.
 */
unsigned long movable_test_nr_pages(void)
{
	return READ_ONCE(mt.nr);
}

/**
 * movable_test_set_refuse - make the driver refuse (or allow) migrations
 *
 * While refusing, its callback returns -EBUSY: the pages stay pinned.
 */
void movable_test_set_refuse(bool refuse)
{
	WRITE_ONCE(mt.refuse, refuse);
}

/**
 * movable_test_set_hold - take or drop an extra reference on every page
 * @hold: true to take it, false to drop it
 *
 * Nothing changes when there are no pages or the state is already
 * @hold; movable_test_free() drops the reference first.
 */
void movable_test_set_hold(bool hold)
{
	mutex_lock(&mt.lock);
	hold_pages_locked(hold);
	mutex_unlock(&mt.lock);
}

/**
 * movable_test_page - the page currently holding test page @idx
 *
 * For tests that want to move a particular page; the answer is stale as
 * soon as that page migrates.
 *
 * Return: the page, or NULL when @idx is out of range.
 */
struct page *movable_test_page(unsigned long idx)
{
	struct page *page = NULL;

	mutex_lock(&mt.lock);
	if (idx < mt.nr)
		page = mt.pages[idx];
	mutex_unlock(&mt.lock);
	return page;
}

/**
 * movable_test_migrate_all - move every test page once
 * @nr_failed: if not NULL, set to the pages that did not move
 *
 * Return: 0 (also with no pages), -ENOMEM, or migrate_pages()'s error.
 */
int movable_test_migrate_all(unsigned long *nr_failed)
{
	struct page **pages;
	unsigned int failed = 0;
	unsigned long i;
	int ret = 0;

	mutex_lock(&mt.lock);
	if (!mt.nr)
		goto unlock;
	pages = vmalloc(array_size(mt.nr, sizeof(*pages)));
	if (!pages) {
		ret = -ENOMEM;
		goto unlock;
	}
	for (i = 0; i < mt.nr; i++)
		pages[i] = mt.pages[i];
	ret = migrate_pages(pages, mt.nr, alloc_migration_target, 0, &failed);
	vfree(pages);
unlock:
	mutex_unlock(&mt.lock);
	if (nr_failed)
		*nr_failed = failed;
	return ret;
}

static ssize_t fill_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%lu\n", movable_test_nr_pages());
}

/* "PAGES" or "PAGES NODE": NODE is the preferred node (default 0). */
static ssize_t fill_store(void *data, const char *buf, size_t len)
{
	char words[32], *node;
	int nid = NUMA_NO_NODE, ret;
	unsigned long nr;

	if (len >= sizeof(words))
		return -EINVAL;
	memcpy(words, buf, len);
	words[len] = '\0';
	node = strchr(words, ' ');
	if (node) {
		*node++ = '\0';
		ret = kstrtoint(node, 0, &nid);
		if (ret)
			return ret;
		if (nid < 0 || nid >= MAX_NUMNODES)
			return -EINVAL;
	}
	ret = kstrtoul(words, 0, &nr);
	if (!ret)
		ret = movable_test_fill(nr, nid);
	return ret ? ret : len;
}

static ssize_t verify_show(void *data, char *buf)
{
	unsigned long bad = 0;

	movable_test_verify(&bad);
	return sysfs_emit(buf, "%lu pages, %lu bad\n", movable_test_nr_pages(),
			  bad);
}

static ssize_t verify_store(void *data, const char *buf, size_t len)
{
	int ret = movable_test_verify(NULL);

	return ret ? ret : len;
}

static ssize_t free_store(void *data, const char *buf, size_t len)
{
	movable_test_free();
	return len;
}

static ssize_t migrate_store(void *data, const char *buf, size_t len)
{
	int ret = movable_test_migrate_all(NULL);

	return ret ? ret : len;
}

static ssize_t hold_show(void *data, char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(mt.held));
}

static ssize_t hold_store(void *data, const char *buf, size_t len)
{
	bool hold;
	int ret = kstrtobool(buf, &hold);

	if (ret)
		return ret;
	movable_test_set_hold(hold);
	return len;
}

static const struct debugfs_file_ops hold_ops = {
	.show = hold_show,
	.store = hold_store,
};

static const struct debugfs_file_ops fill_ops = {
	.show = fill_show,
	.store = fill_store,
};

static const struct debugfs_file_ops verify_ops = {
	.show = verify_show,
	.store = verify_store,
};

static const struct debugfs_file_ops free_ops = {
	.store = free_store,
};

static const struct debugfs_file_ops migrate_ops = {
	.store = migrate_store,
};

static int __init movable_test_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("tide_movable", NULL);

	if (IS_ERR(dir)) {
		pr_warn("movable_test: no debugfs directory: %ld\n",
			PTR_ERR(dir));
		return PTR_ERR(dir);
	}
	debugfs_create_file("fill", 0644, dir, NULL, &fill_ops);
	debugfs_create_file("verify", 0644, dir, NULL, &verify_ops);
	debugfs_create_file("free", 0200, dir, NULL, &free_ops);
	debugfs_create_file("migrate", 0200, dir, NULL, &migrate_ops);
	debugfs_create_bool("refuse", 0644, dir, &mt.refuse);
	debugfs_create_file("hold", 0644, dir, NULL, &hold_ops);
	return 0;
}
late_initcall(movable_test_debugfs_init);
