// SPDX-License-Identifier: GPL-2.0
/*
 * ACPICA's OS services layer (acpi_os_*): memory, ports, PCI configuration
 * space, locks, semaphores, caches, deferred work, time and interrupts,
 * expressed in Tide's primitives.
 *
 * DOC: osl
 *
 * Semaphores are Tide's counting semaphores (down_timeout_ns()), deferred
 * work runs on a workqueue of its own (ACPICA's notify handlers may
 * evaluate AML that waits on a GPE run through the same queue, so GPE
 * work and notify work get separate queues, as in Linux), and the SCI is
 * an ordinary shared interrupt from request_irq().
 */
#include <linux/kernel.h>
#include <linux/acpi.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/workqueue.h>
#include <acpi/acpi.h>
#include <asm/bootparam.h>
#include <asm/io.h>
#include "internal.h"
#include "../pci/pci.h"

__init acpi_status acpi_os_initialize(void)
{
	return AE_OK;
}

acpi_status acpi_os_terminate(void)
{
	return AE_OK;
}

__init acpi_physical_address acpi_os_get_root_pointer(void)
{
	return boot_info.rsdp_pa;
}

acpi_status acpi_os_predefined_override(const struct acpi_predefined_names *init_val,
					acpi_string *new_val)
{
	*new_val = NULL;
	return AE_OK;
}

acpi_status acpi_os_table_override(struct acpi_table_header *fw_table,
				   struct acpi_table_header **replacement)
{
	*replacement = NULL;
	return AE_OK;
}

acpi_status acpi_os_physical_table_override(struct acpi_table_header *existing_table,
					    acpi_physical_address *new_address,
					    u32 *new_table_length)
{
	*new_address = 0;
	*new_table_length = 0;
	return AE_OK;
}

/* ---------------------------------------------------------------- memory */

void *acpi_os_allocate(acpi_size bytes)
{
	return kmalloc(bytes, GFP_KERNEL);
}

void *acpi_os_allocate_zeroed(acpi_size bytes)
{
	return kzalloc(bytes, GFP_KERNEL);
}

void acpi_os_free(void *memory)
{
	kfree(memory);
}

/*
 * Tables found at boot stay mapped (drivers/acpi/tables.c); ACPICA's
 * requests inside one of them reuse that mapping, anything else gets a
 * memremap() of its own.
 */
void *acpi_os_map_memory(acpi_physical_address phys, acpi_size size)
{
	void *va = acpi_early_table_va(phys, size);

	return va ? va : memremap(phys, size, MEMREMAP_WB);
}

void acpi_os_unmap_memory(void *virt, acpi_size size)
{
	if (!acpi_early_table_owns(virt))
		memunmap(virt);
}

acpi_status acpi_os_get_physical_address(void *virt, acpi_physical_address *phys)
{
	return AE_SUPPORT;
}

/* Caches: every object is a kzalloc() of the cache's object size. */
struct acpi_tide_cache {
	const char *name;
	u16 object_size;
};

acpi_status acpi_os_create_cache(char *name, u16 object_size, u16 max_depth,
				 acpi_cache_t **return_cache)
{
	struct acpi_tide_cache *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return AE_NO_MEMORY;
	c->name = name;
	c->object_size = object_size;
	*return_cache = c;
	return AE_OK;
}

acpi_status acpi_os_delete_cache(acpi_cache_t *pool)
{
	kfree(pool);
	return AE_OK;
}

/* Nothing is kept back, so there is nothing to purge. */
acpi_status acpi_os_purge_cache(acpi_cache_t *pool)
{
	return AE_OK;
}

void *acpi_os_acquire_object(acpi_cache_t *pool)
{
	return kzalloc(pool->object_size, GFP_KERNEL);
}

acpi_status acpi_os_release_object(acpi_cache_t *pool, void *obj)
{
	kfree(obj);
	return AE_OK;
}

/* ----------------------------------------------------------------- locks */

acpi_status acpi_os_create_lock(acpi_spinlock *out_handle)
{
	spinlock_t *lock = kmalloc(sizeof(*lock), GFP_KERNEL);

	if (!lock)
		return AE_NO_MEMORY;
	spin_lock_init(lock);
	*out_handle = lock;
	return AE_OK;
}

void acpi_os_delete_lock(acpi_spinlock lk)
{
	kfree(lk);
}

acpi_cpu_flags acpi_os_acquire_lock(acpi_spinlock lock)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	return flags;
}

void acpi_os_release_lock(acpi_spinlock lock, acpi_cpu_flags flags)
{
	spin_unlock_irqrestore(lock, flags);
}

/*
 * ACPICA semaphores are Tide semaphores. ACPICA never asks for more than
 * it created, so max_units needs no check; the count starts at
 * initial_units.
 */
acpi_status acpi_os_create_semaphore(u32 max_units, u32 initial_units,
				     acpi_semaphore *out_handle)
{
	struct semaphore *sem;

	if (!out_handle || initial_units > max_units)
		return AE_BAD_PARAMETER;
	sem = kmalloc(sizeof(*sem), GFP_KERNEL);
	if (!sem)
		return AE_NO_MEMORY;
	sema_init(sem, initial_units);
	*out_handle = sem;
	return AE_OK;
}

acpi_status acpi_os_delete_semaphore(acpi_semaphore handle)
{
	if (!handle)
		return AE_BAD_PARAMETER;
	kfree(handle);
	return AE_OK;
}

/* ACPI_WAIT_FOREVER (0xffff) waits for good; 0 only tries. */
acpi_status acpi_os_wait_semaphore(acpi_semaphore handle, u32 units, u16 timeout)
{
	struct semaphore *sem = handle;

	if (!sem || units != 1)
		return AE_BAD_PARAMETER;
	if (timeout == ACPI_WAIT_FOREVER) {
		down(sem);
		return AE_OK;
	}
	if (!timeout)
		return down_trylock(sem) ? AE_TIME : AE_OK;
	return down_timeout_ns(sem, (u64)timeout * 1000000) ? AE_TIME : AE_OK;
}

acpi_status acpi_os_signal_semaphore(acpi_semaphore handle, u32 units)
{
	struct semaphore *sem = handle;

	if (!sem || units != 1)
		return AE_BAD_PARAMETER;
	up(sem);
	return AE_OK;
}

acpi_thread_id acpi_os_get_thread_id(void)
{
	return (acpi_thread_id)(unsigned long)current;
}

/* One acpi_os_execute() request, freed once its callback has run. */
struct acpi_deferred {
	struct work_struct work;
	acpi_osd_exec_callback cb;
	void *cb_arg;
};

static struct workqueue_struct *acpi_deferred_wq;	/* GPE methods etc. */
static struct workqueue_struct *acpi_notify_wq;		/* notify handlers */

static void acpi_deferred_run(struct work_struct *w)
{
	struct acpi_deferred *dw = container_of(w, struct acpi_deferred, work);

	dw->cb(dw->cb_arg);
	kfree(dw);
}

/*
 * Before acpi_os_initialize_queues() (early namespace setup) work runs
 * at once in the caller; after, on a worker thread.
 */
acpi_status acpi_os_execute(acpi_execute_type kind,
			    acpi_osd_exec_callback cb, void *cb_arg)
{
	struct workqueue_struct *wq;
	struct acpi_deferred *dw;

	if (!cb)
		return AE_BAD_PARAMETER;
	if (kind == OSL_NOTIFY_HANDLER)
		wq = acpi_notify_wq;
	else
		wq = acpi_deferred_wq;
	if (!wq) {
		cb(cb_arg);
		return AE_OK;
	}
	dw = kzalloc(sizeof(*dw), GFP_KERNEL);
	if (!dw)
		return AE_NO_MEMORY;
	dw->cb = cb;
	dw->cb_arg = cb_arg;
	INIT_WORK(&dw->work, acpi_deferred_run);
	if (queue_work(wq, &dw->work))
		return AE_OK;
	kfree(dw);
	return AE_ERROR;
}

void acpi_os_wait_events_complete(void)
{
	if (acpi_deferred_wq)
		flush_workqueue(acpi_deferred_wq);
	if (acpi_notify_wq)
		flush_workqueue(acpi_notify_wq);
}

/**
 * acpi_os_initialize_queues - start the deferred-work threads
 *
 * Return: 0 or -ENOMEM (work then keeps running inline).
 */
int acpi_os_initialize_queues(void)
{
	acpi_deferred_wq = alloc_workqueue("acpi_defer", 0, 1);
	acpi_notify_wq = alloc_workqueue("acpi_notify", 0, 1);
	return acpi_deferred_wq && acpi_notify_wq ? 0 : -ENOMEM;
}

/* ------------------------------------------------------------ interrupts */

static acpi_osd_handler sci_handler;
static void *sci_context;
static u32 sci_gsi;

static irqreturn_t acpi_sci_irq(int irq, void *dev)
{
	return sci_handler(sci_context) == ACPI_INTERRUPT_HANDLED ?
	       IRQ_HANDLED : IRQ_NONE;
}

/* The SCI: an ISA IRQ, shared and level-triggered per the MADT. */
acpi_status acpi_os_install_interrupt_handler(u32 gsi, acpi_osd_handler handler,
					      void *context)
{
	int ret;

	if (!handler)
		return AE_BAD_PARAMETER;
	if (sci_handler)
		return AE_ALREADY_EXISTS;
	sci_handler = handler;
	sci_context = context;
	sci_gsi = gsi;
	ret = request_irq(gsi, acpi_sci_irq, IRQF_SHARED, "acpi", &sci_handler);
	if (ret) {
		pr_err("ACPI: SCI (IRQ%u) not installed: %d\n", gsi, ret);
		sci_handler = NULL;
		return AE_NOT_ACQUIRED;
	}
	pr_info("ACPI: SCI on IRQ%u\n", gsi);
	return AE_OK;
}

acpi_status acpi_os_remove_interrupt_handler(u32 irq, acpi_osd_handler handler)
{
	if (!handler || handler != sci_handler || irq != sci_gsi)
		return AE_BAD_PARAMETER;
	free_irq(irq, &sci_handler);
	sci_handler = NULL;
	return AE_OK;
}

/**
 * acpi_sci_poll - run the SCI handler as if the interrupt had fired
 *
 * For tests. Return: the handler's ACPI_INTERRUPT_HANDLED/NOT_HANDLED, or
 * ACPI_INTERRUPT_NOT_HANDLED when no handler is installed.
 */
u32 acpi_sci_poll(void)
{
	if (!sci_handler)
		return ACPI_INTERRUPT_NOT_HANDLED;
	return sci_handler(sci_context);
}

/* ------------------------------------------------------------------ time */

void acpi_os_sleep(u64 ms)
{
	msleep(ms);
}

void acpi_os_stall(u32 us)
{
	udelay(us);
}

/* In 100 ns units, as ACPI's Timer() operator counts. */
u64 acpi_os_get_timer(void)
{
	return ktime_get_ns() / 100;
}

/* ---------------------------------------------------------------- port I/O */

acpi_status acpi_os_read_port(acpi_io_address port, u32 *val, u32 width)
{
	switch (width) {
	case 8:
		*val = inb(port);
		break;
	case 16:
		*val = inw(port);
		break;
	case 32:
		*val = inl(port);
		break;
	default:
		return AE_BAD_PARAMETER;
	}
	return AE_OK;
}

acpi_status acpi_os_write_port(acpi_io_address port, u32 val, u32 width)
{
	switch (width) {
	case 8:
		outb(val, port);
		break;
	case 16:
		outw(val, port);
		break;
	case 32:
		outl(val, port);
		break;
	default:
		return AE_BAD_PARAMETER;
	}
	return AE_OK;
}

/* ------------------------------------------------------ memory-mapped I/O */

acpi_status acpi_os_read_memory(acpi_physical_address phys, u64 *value, u32 width)
{
	void __iomem *va;

	if (width != 8 && width != 16 && width != 32 && width != 64)
		return AE_BAD_PARAMETER;
	va = ioremap(phys, width / 8);
	if (!va)
		return AE_NO_MEMORY;
	switch (width) {
	case 8:
		*value = readb(va);
		break;
	case 16:
		*value = readw(va);
		break;
	case 32:
		*value = readl(va);
		break;
	default:
		*value = readq(va);
		break;
	}
	iounmap(va);
	return AE_OK;
}

acpi_status acpi_os_write_memory(acpi_physical_address phys, u64 value, u32 width)
{
	void __iomem *va;

	if (width != 8 && width != 16 && width != 32 && width != 64)
		return AE_BAD_PARAMETER;
	va = ioremap(phys, width / 8);
	if (!va)
		return AE_NO_MEMORY;
	switch (width) {
	case 8:
		writeb(value, va);
		break;
	case 16:
		writew(value, va);
		break;
	case 32:
		writel(value, va);
		break;
	default:
		writeq(value, va);
		break;
	}
	iounmap(va);
	return AE_OK;
}

/* ------------------------------------------------------ PCI configuration */

/*
 * Through the PCI core's configuration access (drivers/pci/access.c), so
 * that ports 0xcf8/0xcfc have one user and one lock.
 */
static bool acpi_pci_id_valid(struct acpi_pci_id *id)
{
	return id->segment == 0 && id->bus < 256 && id->device < 32 &&
	       id->function < 8;
}

acpi_status acpi_os_read_pci_configuration(struct acpi_pci_id *id, u32 reg,
					   u64 *value, u32 width)
{
	u32 v;

	if (!acpi_pci_id_valid(id) || width > 32 ||
	    pci_raw_read(id->segment, id->bus,
			 PCI_DEVFN(id->device, id->function), reg, width / 8,
			 &v))
		return AE_BAD_PARAMETER;
	*value = v;
	return AE_OK;
}

acpi_status acpi_os_write_pci_configuration(struct acpi_pci_id *id, u32 reg,
					    u64 value, u32 width)
{
	if (!acpi_pci_id_valid(id) || width > 32 ||
	    pci_raw_write(id->segment, id->bus,
			  PCI_DEVFN(id->device, id->function), reg, width / 8,
			  value))
		return AE_BAD_PARAMETER;
	return AE_OK;
}

/* ---------------------------------------------------------- miscellaneous */

acpi_status acpi_os_signal(u32 what, void *info)
{
	if (what == ACPI_SIGNAL_FATAL)
		pr_err("ACPI: AML Fatal opcode\n");
	return AE_OK;
}

acpi_status acpi_os_enter_sleep(u8 sleep_state, u32 rega_value, u32 regb_value)
{
	return AE_OK;
}

/*
 * ACPICA prints a line in pieces and uses integer precision ("%8.8X"),
 * which Tide's vsnprintf() ignores. acpi_os_vprintf() therefore turns
 * "%W.P" integer conversions into "%0P" (zero padding to P digits, the
 * same output when W <= P, as ACPICA always has it) and collects pieces
 * until a newline before handing the line to printk() at the level its
 * first piece gave.
 */
#define OSL_LINE_MAX	256
#define OSL_FMT_MAX	256

static DEFINE_SPINLOCK(osl_line_lock);	/* protects osl_line, osl_line_len */
static char osl_line[OSL_LINE_MAX];
static size_t osl_line_len;

static bool osl_is_int_conv(char c)
{
	return c && strchr("diuxXo", c);
}

/* Rewrites @fmt into @out (OSL_FMT_MAX bytes); false if it does not fit. */
static bool osl_fix_precision(const char *fmt, char *out)
{
	size_t o = 0;

	while (*fmt) {
		const char *spec = fmt, *dot;
		int width = 0, prec = 0;

		if (*fmt != '%' || fmt[1] == '%') {
			if (o + 2 >= OSL_FMT_MAX)
				return false;
			if (*fmt == '%')
				out[o++] = *fmt++;
			out[o++] = *fmt++;
			continue;
		}
		for (fmt++; *fmt && strchr("-0# +", *fmt); fmt++)
			;
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		dot = fmt;
		if (*fmt == '.')
			for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		while (*fmt == 'l' || *fmt == 'h' || *fmt == 'z')
			fmt++;
		if (*dot == '.' && osl_is_int_conv(*fmt)) {
			const char *len = dot + 1;
			int n;

			while (*len >= '0' && *len <= '9')
				len++;
			n = snprintf(out + o, OSL_FMT_MAX - o, "%%0%d%.*s%c",
				     width > prec ? width : prec,
				     (int)(fmt - len), len, *fmt);
			if (n >= OSL_FMT_MAX - o)
				return false;
			o += n;
		} else {
			size_t n = fmt - spec + (*fmt ? 1 : 0);

			if (o + n >= OSL_FMT_MAX)
				return false;
			memcpy(out + o, spec, n);
			o += n;
		}
		if (*fmt)
			fmt++;
	}
	out[o] = '\0';
	return true;
}

/* Prints the collected line; osl_line_lock held. */
static void osl_flush_line(void)
{
	char lfmt[] = KERN_INFO "%s\n";	/* the level byte may change */
	const char *text = osl_line;

	if (!osl_line_len)
		return;
	osl_line[osl_line_len] = '\0';
	if (text[0] == KERN_SOH[0] && text[1]) {
		lfmt[1] = text[1];
		text += 2;
	}
	printk(lfmt, text);
	osl_line_len = 0;
}

void acpi_os_vprintf(const char *fmt, va_list args)
{
	static char fixed[OSL_FMT_MAX];		/* under osl_line_lock */
	char piece[OSL_LINE_MAX];
	unsigned long flags;
	const char *p;

	spin_lock_irqsave(&osl_line_lock, flags);
	vsnprintf(piece, sizeof(piece),
		  osl_fix_precision(fmt, fixed) ? fixed : fmt, args);
	for (p = piece; *p; p++) {
		if (*p == '\n') {
			osl_flush_line();
			continue;
		}
		if (osl_line_len == OSL_LINE_MAX - 1)
			osl_flush_line();
		osl_line[osl_line_len++] = *p;
	}
	spin_unlock_irqrestore(&osl_line_lock, flags);
}

void ACPI_INTERNAL_VAR_XFACE acpi_os_printf(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	acpi_os_vprintf(fmt, args);
	va_end(args);
}
