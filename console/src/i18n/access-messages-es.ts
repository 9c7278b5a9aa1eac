// Textos en español de las pestañas "Perfiles de acceso" y "Claves externas".
import type { AccessMessages } from './access-messages-en';

export const accessEs: AccessMessages = {
  rolesTab: 'Perfiles de acceso',
  externalTab: 'Claves externas',

  rolesIntro:
    'Un perfil de acceso es un conjunto de permisos con nombre que se asigna a las claves. Los perfiles predefinidos vienen con cada cuenta y no cambian; los personalizados los crea, edita y elimina usted.',
  rolesReadOnly:
    'Su clave puede ver los perfiles de acceso, pero no modificarlos: para eso necesita el permiso roles:edit.',
  createRole: '+ Crear perfil',
  colRole: 'Perfil de acceso',
  colDescription: 'Descripción',
  colPermissions: 'Permisos',
  colKind: 'Tipo',
  predefined: 'Predefinido',
  custom: 'Personalizado',
  predefinedLocked: 'Los perfiles predefinidos no se pueden modificar ni eliminar.',
  rolesShown: (n: number) => (n === 1 ? 'Se muestra 1 perfil.' : `Se muestran ${n} perfiles.`),
  roleActionsFor: (name: string) => `Acciones para el perfil ${name}`,
  menuEditRole: 'Editar',
  menuDeleteRole: 'Eliminar perfil',

  createRoleTitle: 'Crear perfil de acceso',
  editRoleTitle: (name: string) => `Editar perfil ${name}`,
  roleIdLabel: 'ID',
  roleIdHint:
    'Letras minúsculas, dígitos y guiones, empezando por una letra, de 2 a 40 caracteres, como sync-stock. No puede cambiar después.',
  roleIdInvalid: 'Use de 2 a 40 letras minúsculas, dígitos y guiones, empezando por una letra.',
  roleIdTaken: 'Ya existe un perfil con este ID. Elija otro.',
  roleNameLabel: 'Nombre',
  roleNameHint:
    'Para qué sirve el perfil, tal como lo verán los operadores, por ejemplo “Sincronización de stock”.',
  roleNameRequired: 'Escriba un nombre para el perfil.',
  roleNameTooLong: 'Use como máximo 100 caracteres.',
  roleDescriptionLabel: 'Descripción (opcional)',
  permissionsLabel: 'Permisos',
  permissionsHint:
    'Uno por línea o separados por comas, con la forma recurso:acción en minúsculas, como catalog:read. De 1 a 50.',
  permissionsEmpty: 'Escriba al menos un permiso.',
  permissionsMalformed: (entries: string) =>
    `No es un permiso (recurso:acción, letras minúsculas, dígitos y guiones): ${entries}`,
  permissionsDuplicate: (entries: string) => `Repetido: ${entries}`,
  permissionsTooMany: (n: number) => `${n} permisos: un perfil tiene como máximo 50.`,
  permissionsManagement:
    'Este perfil administra esta cuenta (claves, configuración, perfiles o el registro de actividad): asígnelo solo a claves que administran la cuenta.',
  create: 'Crear',
  reload: 'Recargar',

  deleteRoleTitle: '¿Eliminar perfil?',
  deleteRoleBody: (name: string, id: string) => `El perfil “${name}” (${id}) se eliminará definitivamente.`,
  holdersChecking: 'Comprobando qué claves tienen este perfil…',
  holdersNone: 'Ninguna clave y ninguna clave externa tiene este perfil.',
  holdersKeys: (n: number) => (n === 1 ? 'Asignado a 1 clave:' : `Asignado a ${n} claves:`),
  holdersExternal: (n: number) =>
    n === 1 ? 'Concedido a 1 clave externa:' : `Concedido a ${n} claves externas:`,
  holdersMore: (n: number) => `…y ${n} más.`,
  holdersBlock:
    'Un perfil no se puede eliminar mientras alguna clave lo tenga: quíteselo primero a esas claves.',
  holdersFailed:
    'No se pudo comprobar qué claves tienen este perfil; el servicio rechaza igualmente la eliminación si alguna lo tiene.',
  deleteRoleConfirm: 'Eliminar perfil',

  externalIntro:
    'Claves de otras cuentas que pueden usar los recursos de esta cuenta con los perfiles concedidos aquí. Nunca administran las claves de esta cuenta.',
  externalReadOnly:
    'Su clave puede ver las claves externas, pero no modificarlas: para eso necesita el permiso keys:edit.',
  addExternal: '+ Añadir clave externa',
  externalSearchLabel: 'Buscar por clave o cuenta de origen',
  colKeyOwner: 'Clave / Cuenta de origen',
  colRoles: 'Perfiles de acceso',
  colAdded: 'Añadida el',
  colStatus: 'Estado',
  ownerAccount: (owner: string) => `Cuenta ${owner}`,
  noExternal: 'Ninguna clave externa coincide con estos filtros.',
  externalShown: (n: number) =>
    n === 1 ? 'Se muestra 1 clave externa.' : `Se muestran ${n} claves externas.`,
  externalActionsFor: (appKey: string) => `Acciones para la clave externa ${appKey}`,
  menuEditRoles: 'Editar perfiles',
  menuRemove: 'Quitar',

  addExternalTitle: 'Añadir clave externa',
  externalKeyLabel: 'Clave de API de la otra cuenta',
  externalKeyHint: 'Como apk-otratienda-01J…: solo la clave, aquí nunca se necesita su token.',
  externalKeyInvalid:
    'Esto no es una clave de API: tiene la forma apk-cuenta- seguida de 26 letras y dígitos.',
  externalKeyOwnAccount: 'Esta clave es de su propia cuenta: asígnele perfiles en Claves generadas.',
  externalRolesNote:
    'Solo los perfiles sin permisos de administración se pueden conceder a claves de otras cuentas.',
  externalRolesRequired: 'Elija al menos un perfil.',
  externalAddNote:
    'La concesión se registra exista o no esa clave: el servicio nunca revela claves de otras cuentas.',
  add: 'Añadir',
  editExternalTitle: (appKey: string) => `Editar perfiles de ${appKey}`,
  deactivateExternalTitle: '¿Desactivar clave externa?',
  deactivateExternalBody: (appKey: string) =>
    `Las solicitudes de ${appKey} a esta cuenta se rechazan de inmediato. Puede activarla de nuevo más tarde.`,
  deactivateExternalConfirm: 'Sí, desactivar',
  removeExternalTitle: '¿Quitar clave externa?',
  removeExternalBody: (appKey: string, owner: string) =>
    `${appKey} (cuenta ${owner}) pierde definitivamente todos los perfiles concedidos aquí. La clave sigue existiendo en su propia cuenta.`,
  removeExternalConfirm: 'Quitar',

  roleProblems: {
    'role-in-use-delete':
      'Hay claves o claves externas con este perfil, así que no se puede eliminar. Quíteselo primero.',
    'role-in-use-edit':
      'Hay claves con este perfil, así que sus permisos de administración (como keys:edit) no pueden cambiar. Los demás sí.',
    'role-predefined': 'Los perfiles predefinidos no se pueden modificar ni eliminar.',
    'limit-exceeded':
      'Esta cuenta ya tiene 100 perfiles personalizados, el máximo permitido. Elimine uno que ya no use.',
    'conflict-create': 'Ya existe un perfil con este ID. Elija otro.',
    conflict: 'Alguien modificó este perfil en el mismo momento. Recargue los perfiles e inténtelo de nuevo.',
    'precondition-failed':
      'Este perfil se modificó en otro lugar mientras lo editaba. Recargue para ver los nuevos valores e inténtelo de nuevo.',
    forbidden:
      'Su clave no puede hacer esto: modificar perfiles exige roles:edit, y un perfil solo puede tener permisos de administración que su clave también tenga.',
    'not-found': 'Este perfil ya no existe: alguien puede haberlo eliminado. Recargue la lista.',
  },
  externalProblems: {
    conflict: 'Esta clave ya tiene perfiles concedidos en esta cuenta: edite sus perfiles.',
    'limit-exceeded':
      'Esta cuenta ya concede acceso a 1.000 claves externas, el máximo permitido. Quite una primero.',
    'precondition-failed':
      'Esta clave externa se modificó en otro lugar mientras la editaba. Cierre el diálogo, recargue e inténtelo de nuevo.',
    forbidden: 'Su clave no puede modificar claves externas: para eso necesita keys:edit.',
    'not-found':
      'Esta clave externa ya no tiene acceso concedido: alguien puede haberla quitado. Recargue la lista.',
  },
};
