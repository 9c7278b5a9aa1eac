// Textos em português do Brasil; o tipo Messages garante que nenhum texto do inglês falte aqui.
import type { Messages } from './messages-en';

export const ptBR: Messages = {
  appTitle: 'Chaves de API',
  skipToContent: 'Pular para o conteúdo',
  language: 'Idioma',
  signOut: 'Sair',
  accountLabel: 'Conta',
  keyLabel: 'Chave',
  sectionsLabel: 'Seções do console',
  loading: 'Carregando…',
  close: 'Fechar',
  cancel: 'Cancelar',
  required: 'Preencha este campo.',

  signInTitle: 'Entrar',
  signInIntro:
    'Cole uma chave de API e o token dela. Eles ficam guardados só nesta aba do navegador e são apagados ao sair ou fechar a aba.',
  appKeyLabel: 'Chave de API',
  appKeyHint: 'Parece com apk-sualoja-01J… (a chave, não o token).',
  tokenLabel: 'Token de API',
  tokenHint: 'Começa com apt_.',
  signInButton: 'Entrar',
  signingIn: 'Entrando…',
  appKeyFormat: 'Isto não é uma chave de API: ela tem a forma apk-conta- seguida de 26 letras e números.',
  tokenFormat: 'Isto não é um token de API: ele começa com apt_ e tem 53 caracteres.',
  signInInvalid: 'A chave ou o token está errado. Confira se você colou os dois por inteiro.',
  signInInactive: 'Esta chave está inativa. Peça a um operador para ativá-la ou entre com outra chave.',
  signInExpired: 'O token desta chave expirou. Entre com um token renovado.',
  signInNoView:
    'Esta chave não pode ver chaves: ela precisa de um perfil com a permissão keys:view, como Visualizador de chaves.',

  keysTab: 'Chaves geradas',
  settingsTab: 'Configurações',
  searchLabel: 'Buscar por nome ou chave',
  statusFilter: 'Status',
  statusAll: 'Todos os status',
  alertFilter: 'Alerta',
  alertAll: 'Todos os alertas',
  alertNoneOption: 'Sem alerta',
  active: 'Ativa',
  inactive: 'Inativa',
  generateKey: '+ Gerar chave',
  colKeyName: 'Chave / Nome',
  colTokenDuration: 'Duração do token',
  colRoles: 'Perfis de acesso',
  colCreated: 'Criada em',
  colStatus: 'Status',
  colActions: 'Ações',
  noKeys: 'Nenhuma chave corresponde a estes filtros.',
  loadMore: 'Carregar mais',
  keysShown: (n: number) => (n === 1 ? 'Mostrando 1 chave.' : `Mostrando ${n} chaves.`),
  tokenExpires: (date: string) => `Expira em ${date}`,
  tokenExpired: (date: string) => `Expirou em ${date}`,
  pendingDeletion: 'Exclusão pendente',
  newToken: 'Token novo',
  noRoles: 'Nenhum perfil',
  yourKey: 'Sua chave',
  actionsFor: (name: string) => `Ações para ${name}`,
  alerts: {
    expiring: {
      label: 'Expirando',
      advice: 'O token expira em breve. Renove-o e atualize as aplicações que o usam.',
    },
    expired: {
      label: 'Expirado',
      advice:
        'O token expirou. Renove-o agora: enquanto a expiração é aplicada, as aplicações que o usam são recusadas.',
    },
    'expired-critical': {
      label: 'Expirado (crítico)',
      advice: 'O token expirou há mais de 90 dias. Renove-o ou exclua a chave se nada mais a usa.',
    },
  },

  menuEdit: 'Editar',
  menuDeactivate: 'Desativar',
  menuActivate: 'Ativar',
  menuRenew: 'Renovar token',
  menuFinishRenewal: 'Excluir token antigo',
  menuUndoRenewal: 'Desfazer renovação',
  menuDelete: 'Excluir chave',

  generateTitle: 'Gerar chave',
  nameLabel: 'Nome',
  nameHint: 'O que vai usar esta chave, por exemplo “Integração ERP”.',
  nameRequired: 'Dê um nome à chave.',
  rolesLegend: 'Perfis de acesso',
  rolesHint: 'Nenhum vem selecionado: escolha só os perfis de que esta chave precisa.',
  overPermissive:
    'Evite perfis permissivos demais. Quem tiver esta chave pode fazer tudo o que os perfis dela permitem; conceda o menor acesso que funcione.',
  managementWarning: (roles: string) =>
    `${roles} pode administrar chaves ou configurações. Dê esses perfis só a chaves que administram esta conta.`,
  generate: 'Gerar',
  working: 'Aguarde…',
  tokenTitle: 'Copie o token agora',
  tokenShownOnce:
    'Este token é exibido uma única vez. Copie-o e guarde-o em lugar seguro: ele não pode ser exibido de novo, só renovado.',
  copy: 'Copiar token',
  copied: 'Token copiado para a área de transferência.',
  copyFailed: 'Não foi possível copiar. Selecione o token e copie-o manualmente.',
  done: 'Concluir',

  editTitle: (name: string) => `Editar ${name}`,
  activeCheckbox: 'Ativa',
  activeHint: 'Uma chave inativa não consegue se autenticar.',
  save: 'Salvar',

  deactivateTitle: 'Desativar a chave?',
  deactivateBody: (name: string) =>
    `As aplicações que usam “${name}” deixam de se autenticar na hora. Você pode ativar a chave de novo depois.`,
  deactivateConfirm: 'Sim, desativar',

  renewTitle: (name: string) => `Renovar o token de ${name}`,
  deleteOldLegend: 'Excluir o token antigo',
  deleteOldLater: 'Depois',
  deleteOldLaterHint:
    'Os dois tokens funcionam até você excluir o antigo, assim as aplicações passam para o token novo sem interrupção.',
  deleteOldNow: 'Agora',
  deleteOldNowHint: 'O token antigo para de funcionar na hora.',
  renew: 'Renovar',
  newTokenTitle: 'Copie o token novo agora',

  finishTitle: 'Excluir o token antigo?',
  finishBody: (name: string) =>
    `O token antigo de “${name}” para de funcionar na hora. Confira se todas as aplicações já usam o token novo.`,
  finishConfirm: 'Excluir token antigo',
  undoTitle: 'Desfazer a renovação?',
  undoBody: (name: string) => `O token novo de “${name}” é excluído e o token antigo continua em uso.`,
  undoConfirm: 'Desfazer renovação',

  deleteTitle: 'Excluir a chave?',
  deleteBody: (name: string, appKey: string) =>
    `A chave “${name}” (${appKey}) e os tokens dela são excluídos para sempre. As aplicações que a usam deixam de se autenticar.`,
  deleteUnderstand: 'Entendo que esta ação não pode ser desfeita',
  deleteConfirm: 'Excluir chave',

  settingsTitle: 'Configurações de token',
  settingsIntro: 'Estas configurações valem para os tokens novos e existentes desta conta.',
  durationLegend: 'Duração do token',
  durationDays: (days: number) => `${days} dias`,
  recommended: '(recomendado)',
  warningLabel: 'Aviso antes da expiração (dias)',
  warningHint: (max: number) =>
    `As chaves mostram o alerta “Expirando” este número de dias antes de o token expirar: um número inteiro de 1 a ${max}.`,
  warningInvalid: (max: number) => `Informe um número inteiro de 1 a ${max}.`,
  enforceLabel: 'Aplicar a expiração',
  enforceHint: 'Tokens expirados são recusados. Desligue só durante uma migração.',
  apply: 'Aplicar',
  applied: 'Configurações aplicadas.',
  lastChanged: (date: string) => `Última alteração em ${date}.`,
  neverChanged: 'Valores padrão, nunca alterados.',

  problems: {
    'validation-error': 'Alguns valores não foram aceitos. Confira os campos indicados abaixo.',
    'confirmation-required': 'A exclusão não foi confirmada.',
    unauthorized:
      'Seu acesso não é mais válido: a chave pode ter sido desativada, excluída ou renovada. Saia e entre de novo.',
    forbidden: 'Sua chave não tem permissão para fazer isto.',
    'not-found': 'Esta chave não existe mais: alguém pode tê-la excluído. Recarregue a lista.',
    'renewal-pending': 'Já há uma renovação pendente: exclua o token antigo ou desfaça a renovação primeiro.',
    'no-pending-renewal': 'Não há mais renovação pendente para esta chave. Recarregue a lista.',
    'last-admin-key':
      'Esta é a última chave ativa que pode administrar chaves; a conta ficaria sem nenhuma. Antes, dê a outra chave ativa o perfil Proprietário ou Administrador de chaves.',
    conflict: 'Alguém alterou isto no mesmo instante. Tente de novo.',
    'precondition-failed':
      'Alguém alterou esta chave enquanto você a editava. Feche a janela, confira os novos valores e tente de novo.',
    'idempotency-mismatch': 'Este pedido já foi enviado com outros valores. Feche a janela e tente de novo.',
    'service-unavailable':
      'O serviço está indisponível por um instante. Nada foi alterado; tente de novo em seguida.',
    network: 'Não foi possível falar com a API. Verifique sua conexão e tente de novo.',
    unknown: 'Algo deu errado. Tente de novo e recarregue a página se continuar acontecendo.',
  },
  problemDetail: (detail: string) => `Detalhes da API: ${detail}`,

  roles: {
    owner: { name: 'Proprietário', description: 'Controle total de chaves, configurações e perfis.' },
    'key-admin': {
      name: 'Administrador de chaves',
      description: 'Gera, edita, renova e exclui chaves; altera as configurações de token.',
    },
    'key-viewer': { name: 'Visualizador de chaves', description: 'Lê chaves e configurações.' },
    'catalog-read': { name: 'Catálogo: leitura', description: 'Lê o catálogo.' },
    'catalog-write': { name: 'Catálogo: escrita', description: 'Lê e altera o catálogo.' },
    'orders-read': { name: 'Pedidos: leitura', description: 'Lê os pedidos.' },
    'orders-write': { name: 'Pedidos: escrita', description: 'Lê e altera os pedidos.' },
  },
};
