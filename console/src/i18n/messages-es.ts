// Textos en español (el tercer idioma de la documentación de referencia), con el vocabulario del
// Admin: "Claves de API", "Perfiles de acceso", "Generar clave". El tipo Messages garantiza que no
// falte ningún texto del inglés.
import type { Messages } from './messages-en';

export const es: Messages = {
  appTitle: 'Claves de API',
  skipToContent: 'Saltar al contenido',
  language: 'Idioma',
  signOut: 'Cerrar sesión',
  accountLabel: 'Cuenta',
  keyLabel: 'Clave',
  sectionsLabel: 'Secciones de la consola',
  loading: 'Cargando…',
  close: 'Cerrar',
  cancel: 'Cancelar',
  required: 'Completa este campo.',

  signInTitle: 'Iniciar sesión',
  signInIntro:
    'Pega una clave de API y su token. Se guardan solo en esta pestaña del navegador y se borran al cerrar la sesión o la pestaña.',
  appKeyLabel: 'Clave de API',
  appKeyHint: 'Se parece a apk-tutienda-01J… (la clave, no el token).',
  tokenLabel: 'Token de API',
  tokenHint: 'Empieza por apt_.',
  signInButton: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  appKeyFormat: 'Esto no es una clave de API: tiene la forma apk-cuenta- seguida de 26 letras y números.',
  tokenFormat: 'Esto no es un token de API: empieza por apt_ y tiene 53 caracteres.',
  signInInvalid: 'La clave o el token no son correctos. Comprueba que pegaste ambos completos.',
  signInInactive:
    'Esta clave está inactiva. Pide a un operador que la active o inicia sesión con otra clave.',
  signInExpired: 'El token de esta clave venció. Inicia sesión con un token renovado.',
  signInNoView:
    'Esta clave no puede ver claves: necesita un perfil con el permiso keys:view, como Visualizador de claves.',
  sessionEndedInactive:
    'Se cerró tu sesión: esta clave se desactivó en otro lugar. Pide a un operador que la active o inicia sesión con otra clave.',
  sessionEndedExpired:
    'Se cerró tu sesión: el token de esta clave venció. Inicia sesión con un token renovado.',
  sessionEndedInvalid:
    'Se cerró tu sesión: esta clave se eliminó o su token ya no es válido (renovado o cortado). Inicia sesión con una clave y un token válidos.',

  keysTab: 'Claves generadas',
  settingsTab: 'Configuración',
  activityTab: 'Actividad',
  searchLabel: 'Buscar por nombre o clave',
  statusFilter: 'Estado',
  statusAll: 'Todos los estados',
  alertFilter: 'Alerta',
  alertAll: 'Todas las alertas',
  alertNoneOption: 'Sin alerta',
  alertAttention: 'Requiere atención',
  alertAttentionHint:
    'Vencido (crítico), vencido, por vencer y después las claves cuyo token antiguo espera su eliminación, las más urgentes primero.',
  active: 'Activa',
  inactive: 'Inactiva',
  generateKey: '+ Generar clave',
  colKeyName: 'Clave / Nombre',
  colTokenDuration: 'Duración del token',
  colRoles: 'Perfiles de acceso',
  colCreated: 'Creada el',
  colLastUsed: 'Último uso',
  neverUsed: 'Nunca',
  colStatus: 'Estado',
  colActions: 'Acciones',
  noKeys: 'Ninguna clave coincide con estos filtros.',
  loadMore: 'Cargar más',
  keysShown: (n: number, shown: string) =>
    n === 1
      ? 'Se muestra 1 clave; hay más para cargar.'
      : `Se muestran ${shown} claves; hay más para cargar.`,
  keysTotal: (n: number, shown: string) =>
    n === 1 ? 'Se muestra la única clave (1 en total).' : `Se muestran las ${shown} claves.`,
  export: {
    label: 'Exportar',
    csv: 'Exportar CSV',
    xlsx: 'Exportar XLSX',
    working: 'Exportando…',
    hint: 'Descarga todas las claves que cumplen los filtros de arriba, no solo las filas mostradas.',
    attention:
      '“Requiere atención” es un orden que arma la consola y no se puede exportar. Elige una alerta, o Todas las alertas, para exportar.',
    done: (file: string) => `Se descargó ${file}.`,
  },
  keysLoadFailed: 'No se pudieron cargar las claves.',
  tokenExpires: (relative: string) => `Vence ${relative}`,
  tokenExpired: (relative: string) => `Venció ${relative}`,
  copyKeyId: (appKey: string) => `Copiar la clave ${appKey}`,
  keyIdCopied: 'Clave copiada.',
  keyIdCopyFailed: 'No se pudo copiar. Selecciona la clave y cópiala a mano.',
  pendingDeletion: 'Eliminación pendiente',
  newToken: 'Token nuevo',
  noRoles: 'Ningún perfil',
  yourKey: 'Tu clave',
  actionsFor: (name: string) => `Acciones para ${name}`,
  alerts: {
    expiring: {
      label: 'Por vencer',
      advice: 'El token vence pronto. Renuévalo y actualiza las aplicaciones que lo usan.',
    },
    expired: {
      label: 'Vencido',
      advice:
        'El token venció. Renuévalo ahora: mientras se aplique el vencimiento, las aplicaciones que lo usan son rechazadas.',
    },
    'expired-critical': {
      label: 'Vencido (crítico)',
      advice: 'El token venció hace más de 90 días. Renuévalo o elimina la clave si ya nada la usa.',
    },
  },

  menuEdit: 'Editar',
  menuDeactivate: 'Desactivar',
  menuActivate: 'Activar',
  menuRenew: 'Renovar token',
  menuRenewLeaked: 'Renovar token filtrado',
  leaked: {
    label: 'Filtrado',
    advice: (where: string, when: string) =>
      `Un token de esta clave apareció en código público (${where}) el ${when} y se cortó de inmediato. Renueva el token, actualiza las aplicaciones que lo usan y después vuelve a activar la clave.`,
    somewhere: 'código público',
  },
  menuFinishRenewal: 'Eliminar token antiguo',
  menuUndoRenewal: 'Deshacer renovación',
  menuHistory: 'Historial',
  menuDelete: 'Eliminar clave',
  refusedOwnRenew:
    'No puedes renovar la clave con la que iniciaste sesión. Pídeselo a otro administrador de claves.',
  refusedOwnDelete: 'No puedes eliminar la clave con la que iniciaste sesión.',
  refusedMorePrivileged:
    'Esta clave tiene permisos que la tuya no tiene, así que tu clave no puede modificarla.',

  generateTitle: 'Generar clave',
  nameLabel: 'Nombre',
  nameHint: 'Qué usará esta clave, por ejemplo “Integración ERP”.',
  nameRequired: 'Escribe un nombre para la clave.',
  rolesLegend: 'Perfiles de acceso',
  rolesHint: 'Ninguno viene seleccionado: elige solo los perfiles que esta clave necesita.',
  overPermissive:
    'Evita los perfiles demasiado permisivos. Quien tenga esta clave puede hacer todo lo que sus perfiles permiten; concede el menor acceso que funcione.',
  managementWarning: (roles: string) =>
    `${roles} puede administrar claves o la configuración. Da esos perfiles solo a claves que administran esta cuenta.`,
  generate: 'Generar',
  working: 'Procesando…',
  tokenTitle: 'Copia el token ahora',
  tokenShownOnce:
    'Este token se muestra una sola vez. Cópialo y guárdalo en un lugar seguro: no se puede volver a mostrar, solo renovar.',
  copy: 'Copiar token',
  copied: 'Token copiado al portapapeles.',
  copyFailed: 'No se pudo copiar. Selecciona el token y cópialo a mano.',
  done: 'Listo',
  share: {
    deliveryLegend: 'Cómo entregar el token',
    deliveryLink: 'Enlace de acceso único (recomendado)',
    deliveryLinkHint:
      'Recibes un enlace que muestra el token una sola vez, a quien lo abra primero, en un plazo de 24 horas. Aquí nadie ve el token.',
    deliveryResponse: 'Mostrar el token ahora',
    deliveryResponseHint:
      'El token aparece en el paso siguiente, una sola vez. Cópialo antes de cerrar la ventana.',
    linkTitle: 'Copia el enlace ahora',
    linkShownOnce: (date: string) =>
      `Este enlace se muestra una sola vez. Revela el token una única vez, hasta el ${date}. Envíalo solo a la persona que necesita el token.`,
    linkLabel: 'Enlace de acceso único',
    copyLink: 'Copiar enlace',
    linkCopied: 'Enlace copiado al portapapeles.',
    linkCopyFailed: 'No se pudo copiar. Selecciona el enlace y cópialo a mano.',
    didYouCopy: '¿Lo copiaste?',
    didYouCopyLink:
      'El enlace no se vuelve a mostrar. Si cierras sin copiarlo, revócalo y renueva el token para obtener un enlace nuevo.',
    didYouCopyToken: 'El token no se vuelve a mostrar. Si cierras sin copiarlo, tendrás que renovarlo.',
    goBack: 'Volver',
    closeAnyway: 'Cerrar sin copiar',
    unopened: (date: string) => `Enlace sin abrir · vence el ${date}`,
    menuRevoke: 'Revocar enlace',
    revokeTitle: '¿Revocar el enlace?',
    revokeBody: (name: string) =>
      `El enlace sin abrir de “${name}” deja de funcionar de inmediato. Nadie vio el token que contiene: renueva el token para entregar uno nuevo.`,
    revokeConfirm: 'Revocar enlace',
    pageTitle: 'Entrega de token',
    heading: 'Compartieron un token contigo',
    intro:
      'Este enlace de acceso único contiene un token nuevo para la clave de API de abajo. El token se muestra una sola vez: después de revelarlo, el enlace deja de funcionar.',
    keyName: 'Nombre de la clave',
    validUntil: 'Enlace válido hasta',
    reveal: 'Revelar token',
    revealing: 'Revelando…',
    revealHint: 'Revélalo solo cuando estés listo para copiarlo: no se puede volver a mostrar.',
    revealedNotice:
      'Este token no se volverá a mostrar: el enlace ya se usó. Cópialo y guárdalo en un lugar seguro.',
    invalidTitle: 'Este enlace no funciona',
    invalid:
      'Este enlace no es válido: ya se abrió, venció, se revocó o nunca existió. Pide un enlace nuevo a quien te lo envió.',
    spent:
      'No se pudo revelar el token: este enlace ya se abrió (se abre una sola vez), venció o se revocó. Pide un enlace nuevo a quien te lo envió.',
    noSecret:
      'Esta dirección está incompleta: falta la parte después de “#”. Abre el enlace exactamente como lo recibiste.',
  },

  editTitle: (name: string) => `Editar ${name}`,
  activeCheckbox: 'Activa',
  activeHint: 'Una clave inactiva no puede autenticarse.',
  save: 'Guardar',

  deactivateTitle: '¿Desactivar la clave?',
  deactivateBody: (name: string) =>
    `Las aplicaciones que usan “${name}” dejan de autenticarse de inmediato. Puedes volver a activar la clave más tarde.`,
  deactivateConfirm: 'Sí, desactivar',

  renewTitle: (name: string) => `Renovar el token de ${name}`,
  deleteOldLegend: 'Eliminar el token antiguo',
  deleteOldLater: 'Más tarde',
  deleteOldLaterHint:
    'Ambos tokens funcionan hasta que elimines el antiguo, para que las aplicaciones pasen al nuevo token sin interrupciones.',
  deleteOldNow: 'Ahora',
  deleteOldNowHint: 'El token antiguo deja de funcionar de inmediato.',
  renew: 'Renovar',
  newTokenTitle: 'Copia el token nuevo ahora',

  finishTitle: '¿Eliminar el token antiguo?',
  finishBody: (name: string) =>
    `El token antiguo de “${name}” deja de funcionar de inmediato. Asegúrate de que todas las aplicaciones ya usan el token nuevo.`,
  finishConfirm: 'Eliminar token antiguo',
  undoTitle: '¿Deshacer la renovación?',
  undoBody: (name: string) => `El token nuevo de “${name}” se elimina y el token antiguo sigue en uso.`,
  undoConfirm: 'Deshacer renovación',

  deleteTitle: '¿Eliminar la clave?',
  deleteBody: (name: string, appKey: string) =>
    `La clave “${name}” (${appKey}) y sus tokens se eliminan para siempre. Las aplicaciones que la usan dejan de autenticarse.`,
  deleteUnderstand: 'Entiendo que esta acción no se puede deshacer',
  deleteConfirm: 'Eliminar clave',

  settingsTitle: 'Configuración de tokens',
  settingsIntro: 'Esta configuración se aplica a los tokens nuevos y existentes de esta cuenta.',
  durationLegend: 'Duración del token',
  durationDays: (days: number) => `${days} días`,
  recommended: '(recomendado)',
  warningLabel: 'Aviso antes del vencimiento (días)',
  warningHint: (max: number) =>
    `Las claves muestran la alerta “Por vencer” estos días antes de que venza su token: un número entero de 1 a ${max}.`,
  warningInvalid: (max: number) => `Escribe un número entero de 1 a ${max}.`,
  enforceLabel: 'Aplicar el vencimiento',
  enforceHint: 'Los tokens vencidos se rechazan. Desactívalo solo durante una migración.',
  apply: 'Aplicar',
  applied: 'Configuración aplicada.',
  lastChanged: (date: string) => `Último cambio: ${date}.`,
  neverChanged: 'Valores predeterminados, nunca modificados.',
  impactCounting: 'Contando los tokens afectados por este cambio…',
  impactNone: 'Ningún token cambia de alerta con esta configuración.',
  impact: (expiring: number, expired: number, fmt: (n: number) => string) =>
    `Aplicar esto pasa ${expiring === 1 ? '1 token' : `${fmt(expiring)} tokens`} a “Por vencer” y ${
      expired === 1 ? '1 token' : `${fmt(expired)} tokens`
    } a “Vencido”.`,
  impactEstimate: (keys: number, fmt: (n: number) => string) =>
    `Estimación a partir de las primeras ${fmt(keys)} claves: la cuenta tiene más, así que las cifras reales pueden ser mayores.`,
  impactUnknown: 'No se pudieron contar los tokens afectados.',
  confirmApplyTitle: '¿Aplicar la nueva configuración de tokens?',
  confirmApplyBody: 'Todos los tokens existentes de esta cuenta reciben el nuevo vencimiento de inmediato.',
  confirmApply: 'Sí, aplicar',

  activityIntro:
    'Todos los cambios en las claves y la configuración de esta cuenta, los más recientes primero.',
  activityKeyLabel: 'Clave',
  activityKeyHint: 'Una clave de API completa: lo que hizo y lo que se le hizo.',
  activityKeyInvalid:
    'Escribe una clave de API completa, como apk-tutienda-01J… (26 letras y números al final).',
  activityActionLabel: 'Acción',
  activityActionAll: 'Todas las acciones',
  activityFromLabel: 'Desde',
  activityToLabel: 'Hasta',
  activityRangeInvalid: 'La fecha “Desde” es posterior a la fecha “Hasta”.',
  clearFilters: 'Borrar filtros',
  colWhen: 'Cuándo',
  colAction: 'Acción',
  colActor: 'Quién',
  colTarget: 'Objeto',
  colChanges: 'Cambios',
  noActivity: 'Ninguna actividad coincide con estos filtros.',
  noActivityYet: 'Todavía no hay actividad registrada.',
  entriesShown: (n: number) => (n === 1 ? 'Se muestra 1 registro.' : `Se muestran ${n} registros.`),
  retry: 'Reintentar',
  actorSystem: 'Sistema',
  actorShareLink: 'Enlace compartido',
  actorLeakReport: 'Aviso de filtración',
  targetRole: (name: string) => `Perfil ${name}`,
  targetExternalKey: (id: string) => `Clave externa ${id}`,
  requestDetails: 'Detalles de la solicitud',
  sourceIp: 'IP de origen',
  userAgent: 'Agente de usuario',
  requestId: 'ID de la solicitud',
  notRecorded: 'No registrado',
  noChanges: 'Ningún campo cambió.',
  changedTo: 'cambió a',
  validUntil: (date: string) => `válido hasta el ${date}`,
  noneValue: '(ninguno)',
  yes: 'Sí',
  no: 'No',
  auditActions: {
    'key.created': 'Clave generada',
    'key.updated': 'Clave editada',
    'key.activated': 'Clave activada',
    'key.deactivated': 'Clave desactivada',
    'key.deleted': 'Clave eliminada',
    'token.renewed': 'Token renovado',
    'renewal.finished': 'Token antiguo eliminado',
    'renewal.undone': 'Renovación deshecha',
    'share.opened': 'Enlace compartido abierto',
    'share.revoked': 'Enlace compartido revocado',
    'settings.updated': 'Configuración modificada',
    'role.created': 'Perfil creado',
    'role.updated': 'Perfil editado',
    'role.deleted': 'Perfil eliminado',
    'external-key.added': 'Clave externa agregada',
    'external-key.updated': 'Clave externa editada',
    'external-key.removed': 'Clave externa quitada',
    'token.leaked': 'Token denunciado como filtrado',
    'renewal.flagged': 'Marcada para renovación por la revisión de vencimientos',
  },
  auditFields: {
    name: 'Nombre',
    roles: 'Perfiles de acceso',
    status: 'Estado',
    tokens: 'Tokens',
    tokenDurationDays: 'Duración del token',
    expiryWarningDays: 'Aviso antes del vencimiento (días)',
    enforceExpiry: 'Aplicar el vencimiento',
    permissions: 'Permisos',
    description: 'Descripción',
  },

  problems: {
    'validation-error': 'Algunos valores no se aceptaron. Revisa los campos indicados abajo.',
    'confirmation-required': 'No se confirmó la eliminación.',
    unauthorized:
      'Tu sesión ya no es válida: la clave pudo haberse desactivado, eliminado o renovado. Cierra la sesión y vuelve a iniciarla.',
    forbidden: 'Tu clave no tiene permiso para hacer esto.',
    'not-found': 'Esta clave ya no existe: alguien pudo haberla eliminado. Vuelve a cargar la lista.',
    'renewal-pending':
      'Ya hay una renovación pendiente: primero elimina el token antiguo o deshaz la renovación.',
    'no-pending-renewal': 'Esta clave ya no tiene una renovación pendiente. Vuelve a cargar la lista.',
    'last-admin-key':
      'Esta es la última clave activa que puede administrar claves; la cuenta se quedaría sin ninguna. Antes, da a otra clave activa el perfil Propietario o Administrador de claves.',
    conflict: 'Alguien modificó esto en el mismo instante. Inténtalo de nuevo.',
    'precondition-failed':
      'Alguien modificó esta clave mientras la editabas. Cierra la ventana, revisa los valores nuevos e inténtalo de nuevo.',
    'idempotency-mismatch':
      'Esta solicitud ya se envió con otros valores. Cierra la ventana e inténtalo de nuevo.',
    'export-too-large':
      'Demasiadas claves cumplen los filtros para exportarlas de una vez (como máximo 10.000). Acota la exportación con una búsqueda, un estado o una alerta.',
    'service-unavailable':
      'El servicio no está disponible por un momento. No se cambió nada; inténtalo de nuevo en unos instantes.',
    network: 'No se pudo conectar con la API. Revisa tu conexión e inténtalo de nuevo.',
    unknown: 'Algo salió mal. Inténtalo de nuevo y vuelve a cargar la página si sigue ocurriendo.',
  },
  problemDetail: (detail: string) => `Detalles de la API: ${detail}`,

  roles: {
    owner: { name: 'Propietario', description: 'Control total de claves, configuración y perfiles.' },
    'key-admin': {
      name: 'Administrador de claves',
      description: 'Genera, edita, renueva y elimina claves; cambia la configuración de tokens.',
    },
    'key-viewer': { name: 'Visualizador de claves', description: 'Lee claves y configuración.' },
    'catalog-read': { name: 'Catálogo: lectura', description: 'Lee el catálogo.' },
    'catalog-write': { name: 'Catálogo: escritura', description: 'Lee y modifica el catálogo.' },
    'orders-read': { name: 'Pedidos: lectura', description: 'Lee los pedidos.' },
    'orders-write': { name: 'Pedidos: escritura', description: 'Lee y modifica los pedidos.' },
  },
};
