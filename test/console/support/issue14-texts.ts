// The words issue 14's matrix test expects to read, per language. Written out here rather than
// read from the console's messages, so a wrong or missing translation fails the test.
import type { ConsoleLocale } from './console-harness';

export interface Issue14Texts {
  keysTab: string;
  /** The labels a phone's key card shows before each field, in column order. */
  cardLabels: string[];
  name: string;
  save: string;
  cancel: string;
  close: string;
  noneSelected: string;
  ordersRead: string;
  catalogRead: string;
  working: string;
  didYouCopy: string;
  goBack: string;
  closeAnyway: string;
  ownRenew: RegExp;
  ownDelete: RegExp;
  morePrivileged: RegExp;
}

export const ISSUE14_TEXT: Record<ConsoleLocale, Issue14Texts> = {
  en: {
    keysTab: 'Generated keys',
    cardLabels: ['Token duration', 'Roles', 'Created', 'Last used', 'Status'],
    name: 'Name',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    noneSelected: 'None is selected',
    ordersRead: 'Orders read',
    catalogRead: 'Catalog read',
    working: 'Working…',
    didYouCopy: 'Did you copy it?',
    goBack: 'Go back',
    closeAnyway: 'Close without copying',
    ownRenew: /cannot renew the key you are signed in with/,
    ownDelete: /cannot delete the key you are signed in with/,
    morePrivileged: /permissions your key does not have/,
  },
  'pt-BR': {
    keysTab: 'Chaves geradas',
    cardLabels: ['Duração do token', 'Perfis de acesso', 'Criada em', 'Último uso', 'Status'],
    name: 'Nome',
    save: 'Salvar',
    cancel: 'Cancelar',
    close: 'Fechar',
    noneSelected: 'Nenhum vem selecionado',
    ordersRead: 'Pedidos: leitura',
    catalogRead: 'Catálogo: leitura',
    working: 'Aguarde…',
    didYouCopy: 'Você copiou?',
    goBack: 'Voltar',
    closeAnyway: 'Fechar sem copiar',
    ownRenew: /Não é possível renovar a chave com que você entrou/,
    ownDelete: /Não é possível excluir a chave com que você entrou/,
    morePrivileged: /permissões que a sua não tem/,
  },
  es: {
    keysTab: 'Claves generadas',
    cardLabels: ['Duración del token', 'Perfiles de acceso', 'Creada el', 'Último uso', 'Estado'],
    name: 'Nombre',
    save: 'Guardar',
    cancel: 'Cancelar',
    close: 'Cerrar',
    noneSelected: 'Ninguno viene seleccionado',
    ordersRead: 'Pedidos: lectura',
    catalogRead: 'Catálogo: lectura',
    working: 'Procesando…',
    didYouCopy: '¿Lo copiaste?',
    goBack: 'Volver',
    closeAnyway: 'Cerrar sin copiar',
    ownRenew: /No puedes renovar la clave con la que iniciaste sesión/,
    ownDelete: /No puedes eliminar la clave con la que iniciaste sesión/,
    morePrivileged: /permisos que la tuya no tiene/,
  },
};
