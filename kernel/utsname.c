// SPDX-License-Identifier: GPL-2.0
/*
 * The names uname(2) reports: fixed ones for the kernel and machine, and
 * a host and domain name user space may change.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/utsname.h>

/*
 * User space reads sysname and release to decide what the kernel can do
 * (glibc, busybox, kselftest): Tide answers as the Linux release whose
 * interfaces it implements, with "-tide" to tell it apart.
 */
#define TIDE_UTS_RELEASE	"6.12.0-tide"
#define TIDE_UTS_VERSION	"#1 SMP Tide"

/* uts_lock protects uts_names (the host and domain names change). */
static DEFINE_SPINLOCK(uts_lock);
static struct new_utsname uts_names = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = TIDE_UTS_RELEASE,
	.version = TIDE_UTS_VERSION,
	.machine = "x86_64",
	.domainname = "(none)",
};

const char uts_proc_banner[] =
	"Linux version " TIDE_UTS_RELEASE " (tide@tide) (gcc) "
	TIDE_UTS_VERSION;

/**
 * uts_get - a consistent copy of the system's names
 * @out: filled in
 */
void uts_get(struct new_utsname *out)
{
	unsigned long flags;

	spin_lock_irqsave(&uts_lock, flags);
	*out = uts_names;
	spin_unlock_irqrestore(&uts_lock, flags);
}

static int uts_set(char *field, const char *name, size_t len)
{
	unsigned long flags;

	if (len > __NEW_UTS_LEN)
		return -EINVAL;
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(field, name, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	spin_unlock_irqrestore(&uts_lock, flags);
	return 0;
}

/**
 * uts_set_hostname - set the host name (sethostname(2))
 * @name: the new name, not necessarily NUL-terminated (kernel memory)
 * @len: its length
 *
 * Return: 0, or -EINVAL if @len is over 64.
 */
int uts_set_hostname(const char *name, size_t len)
{
	return uts_set(uts_names.nodename, name, len);
}

/**
 * uts_set_domainname - set the NIS domain name (setdomainname(2))
 * @name: the new name (kernel memory)
 * @len: its length
 *
 * Return: 0, or -EINVAL if @len is over 64.
 */
int uts_set_domainname(const char *name, size_t len)
{
	return uts_set(uts_names.domainname, name, len);
}
