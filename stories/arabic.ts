import { registerMessages } from '../src/index.js';

/**
 * Arabic is not a language the package ships: these are the strings a page would supply with `registerMessages`, for
 * the pre-join screen and the call, so the stories show a right-to-left language the way a customer would add one.
 * Keys not listed fall back to English.
 */
export function registerArabicStrings(): void {
  registerMessages('ar', {
    'status.pre-join': 'جاهز للانضمام.',
    'status.connecting': 'جارٍ الاتصال بالغرفة…',
    'status.in-room': 'أنت في المكالمة.',
    'room.leave': 'مغادرة',
    'prejoin.title': 'هل أنت مستعد للانضمام؟',
    'prejoin.title.room': 'الانضمام إلى {room}',
    'prejoin.name': 'اسمك',
    'prejoin.name.hint': 'سيرى كل من في المكالمة هذا الاسم.',
    'prejoin.name.required': 'أدخل اسمك للانضمام.',
    'prejoin.preview': 'معاينة الكاميرا',
    'prejoin.preview.off': 'الكاميرا متوقفة',
    'prejoin.camera': 'الكاميرا',
    'prejoin.microphone': 'الميكروفون',
    'background.label': 'الخلفية',
    'background.none': 'بلا',
    'background.blur': 'تمويه',
    'prejoin.mic.on': 'الميكروفون يعمل',
    'prejoin.mic.off': 'الميكروفون متوقف',
    'prejoin.camera.on': 'الكاميرا تعمل',
    'prejoin.camera.off': 'الكاميرا متوقفة',
    'prejoin.check': 'تحقّق من إعداداتك',
    'prejoin.allow': 'السماح بالكاميرا والميكروفون',
    'prejoin.denied': 'الوصول إلى الكاميرا والميكروفون محظور. اسمح به من إعدادات الموقع في متصفحك، أو انضم بدونهما.',
    'prejoin.camera.none': 'لم يُعثر على كاميرا. يمكنك الانضمام بدونها.',
    'prejoin.mic.none': 'لم يُعثر على ميكروفون. يمكنك الانضمام بدونه.',
    'prejoin.without-camera': 'الانضمام بدون كاميرا',
    'prejoin.without-mic': 'الانضمام بدون ميكروفون',
    'prejoin.retry-devices': 'تحقّق مرة أخرى',
    'prejoin.countdown': 'يبدأ الاجتماع بعد {time}.',
    'prejoin.join': 'انضمام',
    'prejoin.joining': 'جارٍ الانضمام…',
    'controls.label': 'أدوات التحكم في المكالمة',
    'controls.microphone': 'الميكروفون',
    'controls.camera': 'الكاميرا',
    'controls.microphone.devices': 'اختر ميكروفونًا',
    'controls.camera.devices': 'اختر كاميرا',
    'controls.screen-share': 'مشاركة الشاشة',
    'controls.chat': 'الدردشة',
    'stage.label': 'فيديو المكالمة',
    'stage.spotlight': 'في الواجهة: {name}',
    'stage.strip': 'المشاركون الآخرون',
    'tiles.you': '{name} (أنت)',
  });
}
