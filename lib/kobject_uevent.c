// SPDX-License-Identifier: GPL-2.0
/*
 * kobject uevents: the NAME=VALUE messages that tell user space a device
 * came, went or changed, sent on netlink and to the uevent helper; the
 * replay of one by a write to a uevent file; /sys/kernel/uevent_seqnum
 * and /sys/kernel/uevent_helper.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kobject.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/umh.h>

/**
 * DOC: uevents
 *
 * kobject_uevent_env() builds an event from the object's kobj_type's
 * uevent_ops: ACTION, DEVPATH (the sysfs path below /sys) and SUBSYSTEM
 * first, then the caller's variables, then the type's own, then SEQNUM,
 * the next number of a counter that starts at 0 at boot. Linux's order,
 * which user space sees. The message on NETLINK_KOBJECT_UEVENT group 1
 * is "ACTION@DEVPATH" followed by the variables, each ending in a NUL.
 * If a uevent helper is set (/sys/kernel/uevent_helper or
 * /proc/sys/kernel/hotplug; empty at boot) it is started for each event
 * with the subsystem as its argument and the variables, HOME=/ and
 * PATH as its environment; nobody waits for it.
 *
 * uevent_lock orders events: each takes its number, is broadcast and
 * starts its helper under one hold, so a listener sees SEQNUM rising by
 * one. It also protects uevent_helper and the rate limit of complaints
 * about bad writes. It is a sleeping lock taken after any lock the
 * senders hold (the hotplug lock, a bus lock) and before the netlink
 * and process-creation locks.
 */
static DEFINE_MUTEX(uevent_lock);
static u64 uevent_seqnum;	/* written under uevent_lock; read with READ_ONCE */
static char uevent_helper[UEVENT_HELPER_PATH_LEN];	/* under uevent_lock */

/* The ACTION names, by enum kobject_action. */
static const char *const uevent_action_names[KOBJ_MAX] = {
	[KOBJ_ADD] = "add",
	[KOBJ_REMOVE] = "remove",
	[KOBJ_CHANGE] = "change",
	[KOBJ_MOVE] = "move",
	[KOBJ_ONLINE] = "online",
	[KOBJ_OFFLINE] = "offline",
	[KOBJ_BIND] = "bind",
	[KOBJ_UNBIND] = "unbind",
};

#define UEVENT_PATH_VAR	"PATH=/sbin:/bin:/usr/sbin:/usr/bin"

/**
 * add_uevent_var - append one NAME=VALUE to an event
 * @env: the event being built
 * @fmt: printf format of the whole variable, and its arguments
 *
 * The last slot of @env->envp is kept for the NULL that ends it, so an
 * event has at most UEVENT_NUM_ENVP - 1 variables.
 *
 * Return: 0; -ENOMEM (with a warning) when @env is full or the text
 * does not fit in its buffer.
 */
int add_uevent_var(struct kobj_uevent_env *env, const char *fmt, ...)
{
	int room = sizeof(env->buf) - env->buflen;
	va_list args;
	int len;

	if (WARN_ON_ONCE(env->envp_idx >= (int)ARRAY_SIZE(env->envp) - 1))
		return -ENOMEM;	/* more variables than an event may have */
	va_start(args, fmt);
	len = vsnprintf(env->buf + env->buflen, room, fmt, args);
	va_end(args);
	if (WARN_ON_ONCE(len >= room))
		return -ENOMEM;	/* more bytes than UEVENT_BUFFER_SIZE */
	env->envp[env->envp_idx++] = env->buf + env->buflen;
	env->buflen += len + 1;
	return 0;
}

/**
 * uevent_seqnum_read - the SEQNUM of the last event sent (0: none yet)
 *
 * Return: the number.
 */
u64 uevent_seqnum_read(void)
{
	return READ_ONCE(uevent_seqnum);
}

/**
 * uevent_helper_get - copy the uevent helper's path
 * @buf: destination
 * @size: its size, UEVENT_HELPER_PATH_LEN is always enough
 *
 * Return: the path's length (0: no helper).
 */
size_t uevent_helper_get(char *buf, size_t size)
{
	size_t len;

	mutex_lock(&uevent_lock);
	len = strscpy(buf, uevent_helper, size);
	mutex_unlock(&uevent_lock);
	return len;
}

/**
 * uevent_helper_set - set the uevent helper's path
 * @path: the new path (need not end in a NUL)
 * @len: its length; the caller has cut a newline and checked that it
 *       fits (less than UEVENT_HELPER_PATH_LEN), longer is truncated
 *
 * An empty path turns the helper off.
 */
void uevent_helper_set(const char *path, size_t len)
{
	len = min_t(size_t, len, UEVENT_HELPER_PATH_LEN - 1);
	mutex_lock(&uevent_lock);
	memcpy(uevent_helper, path, len);
	uevent_helper[len] = '\0';
	mutex_unlock(&uevent_lock);
}

/* "ACTION@DEVPATH\0" and the variables: the netlink message. */
static int uevent_broadcast(struct kobj_uevent_env *env, const char *action,
			    const char *devpath)
{
	size_t head = strlen(action) + 1 + strlen(devpath) + 1;
	char *msg = kmalloc(head + env->buflen, GFP_KERNEL);
	int ret;

	if (!msg)
		return -ENOMEM;
	snprintf(msg, head, "%s@%s", action, devpath);
	memcpy(msg + head, env->buf, env->buflen);
	ret = netlink_broadcast_kernel(NETLINK_KOBJECT_UEVENT,
				       UEVENT_NETLINK_GROUP, msg,
				       head + env->buflen);
	kfree(msg);
	/* Nobody listening is no error (a full listener is not told). */
	return ret == -ESRCH ? 0 : ret;
}

/* uevent_lock held. Start the helper, if one is set, for @env. */
static int uevent_run_helper(struct kobj_uevent_env *env,
			     const char *subsystem)
{
	int ret;

	if (!IS_ENABLED(CONFIG_UEVENT_HELPER) || !uevent_helper[0])
		return 0;
	ret = add_uevent_var(env, "HOME=/");
	if (!ret)
		ret = add_uevent_var(env, UEVENT_PATH_VAR);
	if (ret)
		return ret;
	env->envp[env->envp_idx] = NULL;	/* add_uevent_var() left room */
	env->argv[0] = uevent_helper;
	env->argv[1] = (char *)subsystem;
	env->argv[2] = NULL;
	return call_usermodehelper(uevent_helper, env->argv, env->envp,
				   UMH_NO_WAIT);
}

/* Number, broadcast and hand @env to the helper, in SEQNUM order. */
static int uevent_send(struct kobj_uevent_env *env, const char *action,
		       const char *devpath, const char *subsystem)
{
	int ret, helper_ret;

	mutex_lock(&uevent_lock);
	ret = add_uevent_var(env, "SEQNUM=%llu",
			     (unsigned long long)uevent_seqnum + 1);
	if (ret)
		goto unlock;
	WRITE_ONCE(uevent_seqnum, uevent_seqnum + 1);
	ret = uevent_broadcast(env, action, devpath);
	helper_ret = uevent_run_helper(env, subsystem);
	if (!ret)
		ret = helper_ret;
unlock:
	mutex_unlock(&uevent_lock);
	return ret;
}

/* ACTION, DEVPATH, SUBSYSTEM, @extra, then the type's variables. */
static int uevent_fill(struct kobj_uevent_env *env, struct kobject *obj,
		       const char *action, const char *devpath,
		       const char *subsystem, char *extra[])
{
	const struct kobj_uevent_ops *ops = obj->ktype->uevent_ops;
	int ret, i;

	ret = add_uevent_var(env, "ACTION=%s", action);
	if (!ret)
		ret = add_uevent_var(env, "DEVPATH=%s", devpath);
	if (!ret)
		ret = add_uevent_var(env, "SUBSYSTEM=%s", subsystem);
	for (i = 0; !ret && extra && extra[i]; i++)
		ret = add_uevent_var(env, "%s", extra[i]);
	if (!ret && ops->uevent)
		ret = ops->uevent(obj, env);
	return ret;
}

/**
 * kobject_uevent_env - tell user space about @obj, with more variables
 * @obj: an object in sysfs whose type has uevent_ops
 * @action: what happened
 * @extra: NAME=VALUE strings to add after SUBSYSTEM, NULL-terminated,
 *         or NULL
 *
 * Sends nothing (and succeeds) for an object its type's filter refuses
 * or without a subsystem name. Process context; takes uevent_lock, so
 * the caller must not hold it (see "uevents" above).
 *
 * Return: 0; -EINVAL for a bad @action or an object that cannot send
 * uevents (no uevent_ops); -ENOMEM; -ENOENT if @obj has no path; the
 * errno of the netlink send or of starting the helper.
 */
int kobject_uevent_env(struct kobject *obj, enum kobject_action action,
		       char *extra[])
{
	const struct kobj_uevent_ops *ops;
	struct kobj_uevent_env *uev;
	const char *subsystem;
	char *devpath;
	int ret;

	if (!obj || !obj->ktype || (unsigned int)action >= KOBJ_MAX)
		return -EINVAL;
	ops = obj->ktype->uevent_ops;
	if (!ops)
		return -EINVAL;
	if (ops->filter && !ops->filter(obj))
		return 0;
	subsystem = ops->name ? ops->name(obj) : NULL;
	if (!subsystem)
		return 0;
	uev = kzalloc(sizeof(*uev), GFP_KERNEL);
	if (!uev)
		return -ENOMEM;
	devpath = kobject_get_path(obj, GFP_KERNEL);
	if (!devpath) {
		ret = -ENOENT;
		goto free_vars;
	}
	ret = uevent_fill(uev, obj, uevent_action_names[action], devpath,
			  subsystem, extra);
	if (!ret)
		ret = uevent_send(uev, uevent_action_names[action], devpath,
				  subsystem);
	kfree(devpath);
free_vars:
	kfree(uev);
	return ret;
}

/**
 * kobject_uevent - tell user space about @obj
 * @obj: the object
 * @action: what happened
 *
 * Return: as kobject_uevent_env().
 */
int kobject_uevent(struct kobject *obj, enum kobject_action action)
{
	return kobject_uevent_env(obj, action, NULL);
}

/* ---- synthetic events: a write to a uevent file ---- */

/*
 * Whether a bad write may say so on the console: ten lines per five
 * seconds, as Linux limits them, so that a loop of bad writes cannot
 * flood it. The window is under uevent_lock.
 */
static bool uevent_may_complain(void)
{
	static unsigned long window_start;
	static unsigned int said;
	bool ok;

	mutex_lock(&uevent_lock);
	if (!window_start || time_after(jiffies, window_start + 5 * HZ)) {
		window_start = jiffies;
		said = 0;
	}
	ok = said++ < 10;
	mutex_unlock(&uevent_lock);
	return ok;
}

static bool uevent_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static bool uevent_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

#define UEVENT_UUID_LEN	36	/* 8-4-4-4-12 hex digits */

/* Whether @s starts with a UUID in text form. */
static bool uevent_uuid_ok(const char *s, size_t len)
{
	size_t i;

	if (len < UEVENT_UUID_LEN)
		return false;
	for (i = 0; i < UEVENT_UUID_LEN; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !uevent_hex(s[i]))
			return false;
	}
	return true;
}

/* The length of the run of letters and digits at @s (at most @len). */
static size_t uevent_word(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && uevent_alnum(s[n]))
		n++;
	return n;
}

/*
 * "UUID[ KEY=VALUE]..." after the action: SYNTH_UUID=UUID and one
 * SYNTH_ARG_KEY=VALUE each, KEY and VALUE letters and digits only.
 * Return: 0, -EINVAL for anything else, -ENOMEM.
 */
static int uevent_synth_args(struct kobj_uevent_env *env, const char *s,
			     size_t len)
{
	size_t key, val;
	int ret;

	if (!uevent_uuid_ok(s, len))
		return -EINVAL;
	ret = add_uevent_var(env, "SYNTH_UUID=%.*s", UEVENT_UUID_LEN, s);
	s += UEVENT_UUID_LEN;
	len -= UEVENT_UUID_LEN;
	while (!ret && len) {
		if (*s != ' ')
			return -EINVAL;
		s++;
		len--;
		key = uevent_word(s, len);
		if (!key || key == len || s[key] != '=')
			return -EINVAL;
		val = uevent_word(s + key + 1, len - key - 1);
		if (!val)
			return -EINVAL;
		if (key + 1 + val < len && s[key + 1 + val] != ' ')
			return -EINVAL;
		ret = add_uevent_var(env, "SYNTH_ARG_%.*s=%.*s", (int)key, s,
				     (int)val, s + key + 1);
		s += key + 1 + val;
		len -= key + 1 + val;
	}
	return ret;
}

/* The action named by the first @len bytes of @s, or -EINVAL. */
static int uevent_action_parse(const char *s, size_t len)
{
	int i;

	for (i = 0; i < KOBJ_MAX; i++)
		if (strlen(uevent_action_names[i]) == len &&
		    !strncmp(uevent_action_names[i], s, len))
			return i;
	return -EINVAL;
}

/* One newline or NUL at the end of a write is not part of it. */
static size_t uevent_trim(const char *s, size_t len)
{
	if (len && (s[len - 1] == '\n' || s[len - 1] == '\0'))
		len--;
	return len;
}

/* Extra variables of a synthetic event: built in a scratch env. */
static int uevent_synth_send(struct kobject *obj, int action,
			     const char *args, size_t len)
{
	struct kobj_uevent_env *vars;
	int ret;

	vars = kzalloc(sizeof(*vars), GFP_KERNEL);
	if (!vars)
		return -ENOMEM;
	ret = uevent_synth_args(vars, args, uevent_trim(args, len));
	if (ret == -EINVAL && uevent_may_complain())
		pr_warn("uevent: %s: bad arguments of a synthetic event\n",
			kobject_name(obj));
	if (!ret) {
		vars->envp[vars->envp_idx] = NULL;
		ret = kobject_uevent_env(obj, action, vars->envp);
	}
	kfree(vars);
	return ret;
}

/**
 * kobject_synth_uevent - send the event a write to a uevent file asks for
 * @obj: the object whose uevent file was written
 * @buf: the write: an action name ("add", "change", ...), optionally
 *       followed by " UUID" and " KEY=VALUE" pairs
 * @count: its length; one trailing newline or NUL is ignored
 *
 * Without a UUID the event carries SYNTH_UUID=0; with one,
 * SYNTH_UUID=UUID and SYNTH_ARG_KEY=VALUE per pair.
 *
 * Return: 0; -EINVAL for an unknown action or bad arguments (with a
 * console line, at most ten per five seconds); -ENOMEM;
 * kobject_uevent_env()'s errno.
 */
int kobject_synth_uevent(struct kobject *obj, const char *buf, size_t count)
{
	static char *no_uuid[] = { "SYNTH_UUID=0", NULL };
	size_t len = uevent_trim(buf, count), word = 0;
	int action;

	while (word < len && buf[word] != ' ')
		word++;
	action = len ? uevent_action_parse(buf, word) : -EINVAL;
	if (action < 0) {
		if (uevent_may_complain())
			pr_warn("uevent: %s: unknown action in a synthetic event\n",
				kobject_name(obj));
		return -EINVAL;
	}
	if (word == len)
		return kobject_uevent_env(obj, action, no_uuid);
	return uevent_synth_send(obj, action, buf + word + 1, count - word - 1);
}

/* ---- /sys/kernel/uevent_seqnum, /sys/kernel/uevent_helper ---- */

static ssize_t uevent_seqnum_show(struct kobject *obj,
				  struct kobj_attribute *ka, char *out)
{
	unsigned long long last = uevent_seqnum_read();

	return sysfs_emit(out, "%llu\n", last);
}

static struct kobj_attribute uevent_seqnum_attr =
	__ATTR(uevent_seqnum, 0444, uevent_seqnum_show, NULL);

static ssize_t uevent_helper_show(struct kobject *obj,
				  struct kobj_attribute *ka, char *out)
{
	char path[UEVENT_HELPER_PATH_LEN];

	uevent_helper_get(path, sizeof(path));
	return sysfs_emit(out, "%s\n", path);
}

/* Linux's errno for a path that does not fit: -ENOENT. */
static ssize_t uevent_helper_store(struct kobject *obj,
				   struct kobj_attribute *ka,
				   const char *text, size_t count)
{
	size_t n = count;

	if (count >= UEVENT_HELPER_PATH_LEN)
		return -ENOENT;
	if (n && text[n - 1] == '\n')
		n--;
	uevent_helper_set(text, n);
	return count;
}

static struct kobj_attribute uevent_helper_attr =
	__ATTR(uevent_helper, 0644, uevent_helper_show, uevent_helper_store);

static int __init uevent_sysfs_init(void)
{
	int ret;

	if (!kernel_kobj)
		return -ENODEV;
	ret = sysfs_create_file(kernel_kobj, &uevent_seqnum_attr.attr);
	if (ret || !IS_ENABLED(CONFIG_UEVENT_HELPER))
		return ret;
	ret = sysfs_create_file(kernel_kobj, &uevent_helper_attr.attr);
	if (ret)
		sysfs_remove_file(kernel_kobj, &uevent_seqnum_attr.attr);
	return ret;
}
subsys_initcall(uevent_sysfs_init);
